package scene

import (
	"slices"

	"raftplay/raftsim"
)

// Command is one thing a person asks for, by key, button, menu item or tap.
type Command int

// The commands. The simulator's actions on the selected node are one
// command, CmdNodeAction, bound to each by its name (nodeactions.go).
const (
	CmdNone Command = iota
	CmdPlayPause
	CmdStep
	CmdSlower
	CmdFaster
	CmdReset
	CmdWrite
	CmdPartition // enter or leave partition editing
	CmdApply     // apply the edited partition
	CmdHeal
	CmdKillAll
	CmdRestartAll
	CmdHelp
	CmdNextMessage
	CmdDrop
	CmdClose   // close the topmost panel (Esc)
	CmdDismiss // a tap on empty ground: close the node menu and message panel
	CmdSelectNode
	CmdSelectMessage
	CmdJoinGroup  // partition editing: put Node in the group of Other
	CmdNodeAction // do Intent.Op on the selected node (nodeactions.go)
	// The story player and the share link, which the game carries out
	// itself (see GameOp).
	CmdStories   // open or close the story picker
	CmdStoryPick // start story Intent.Arg of the picker
	CmdStoryNext
	CmdStoryBack
	CmdStoryJump   // go to step Intent.Arg
	CmdStoryAnswer // answer the step's question with choice Intent.Arg
	CmdTakeOver    // leave the story and play on freely
	CmdStoryEditor // open or close the story editor
	CmdShare       // copy a link that reproduces the run
	// The clients' controls (clients.go, console.go).
	CmdConsole             // open or close the etcdctl console
	CmdConsoleVia          // the console talks to the next node
	CmdStress              // stress writers on or off
	CmdClients             // three more checking clients, linearizable reads
	CmdClientsSerializable // three more checking clients, serializable reads
	CmdClientsLease        // three more checking clients, lease reads
	CmdStressV3            // stress writers on, through etcd's v3 API
	CmdClientsV3           // three more checking clients on etcd's v3 API, linearizable reads
	CmdVerdict             // open or close the linearizability verdict
	CmdPanels              // open or close the folded side panels
	// The settings panel (settings.go) and the election experiment view.
	CmdSettings         // open or close the settings panel
	CmdSettingsKnob     // the next value of knob Intent.Arg
	CmdSettingsDefaults // back to the simulator's defaults
	CmdSettingsApply    // a new run with the settings, same seed
	CmdExperiment       // open or close the election experiment view
	// The timeline strip (timestrip.go), which the game carries out.
	CmdTimeShow // show the moment Intent.Arg (virtual ms); at the present, the live run
	CmdTimePrev // show the mark before the cursor
	CmdTimeNext // show the mark after the cursor
	CmdTimeLive // show the live run again
	CmdFork     // play on from the moment shown
	CmdExport   // download the run as a test
	// Membership (members_menu.go); the node menu promotes and removes.
	CmdMembers    // open or close the members menu
	CmdAddLearner // etcdctl member add --learner
	CmdAddVoter   // etcdctl member add
	// The space-time diagram (diagram.go).
	CmdDiagram        // show or hide the diagram
	CmdDiagramBeats   // draw heartbeats or leave them out
	CmdDiagramZoomIn  // fewer virtual ms per pixel
	CmdDiagramZoomOut // more virtual ms per pixel
	CmdSelectArrow    // open the details of the arrow of Intent.Message
	CmdDetails        // open or close a node's details (details.go)
	// The first visit's welcome (welcome.go), which the game carries out.
	CmdWelcomeClose // close the welcome for good
	CmdRecord       // record a clip of the canvas, or stop recording
	// Manual mode (manual.go).
	CmdManual    // hold the clock and the network, or give the run back to the clock
	CmdDeliver   // deliver Intent.Message, or the inspected message
	CmdDuplicate // duplicate the inspected message
	CmdTheme     // the next theme (theme_choice.go), at once
	// raft's interaction scripts, played by the story player (script.go).
	CmdScripts     // open the picker of raft's scripts, or go back to the stories
	CmdScriptPick  // play script Intent.Arg of the picker
	CmdScriptPaste // open the page's field to paste a script into
)

// Intent is a command with what it applies to.
type Intent struct {
	Cmd Command
	// Node is the node of CmdSelectNode and CmdJoinGroup.
	Node uint64
	// Other is the node whose group CmdJoinGroup joins.
	Other uint64
	// Message is the message of CmdSelectMessage and CmdSelectArrow.
	Message uint64
	// Arg is the argument of a button that carries one: a story or a step.
	Arg int
	// Op is the simulator's action CmdNodeAction does on the selected node.
	Op raftsim.ActionOp
}

// Special keys, as the runes Key takes for them.
const (
	KeyEscape = '\x1b'
	KeyEnter  = '\n'
)

// keyCommands maps the keys that mean the same in every state.
var keyCommands = map[rune]Command{
	' ': CmdPlayPause, '.': CmdStep, '-': CmdSlower, '_': CmdSlower, '=': CmdFaster, '+': CmdFaster,
	'r': CmdReset, 'w': CmdWrite, 'p': CmdPartition, 'h': CmdHeal, 'k': CmdKillAll, 'a': CmdRestartAll,
	'm': CmdNextMessage, 'd': CmdDrop, '?': CmdHelp, KeyEscape: CmdClose, KeyEnter: CmdApply,
	'g': CmdStories, 'n': CmdStoryNext, 'b': CmdStoryBack, 'x': CmdTakeOver, 'y': CmdShare,
	'e': CmdConsole, '`': CmdConsole, 's': CmdStress, 'v': CmdClients,
	'o': CmdSettings, 'z': CmdExperiment, 'q': CmdMembers, ';': CmdDiagram, 'j': CmdDetails,
	'/': CmdManual, '*': CmdDuplicate, '#': CmdStoryEditor,
	'[': CmdTimePrev, ']': CmdTimeNext, KeyLeft: CmdTimePrev, KeyRight: CmdTimeNext,
}

// KeyIntent returns what a typed key asks for: the runes of keyCommands and
// of nodeActions (letters in either case), digits select a node (or, while
// editing a partition, move it to the other group, which the controller
// decides).
func KeyIntent(r rune) Intent {
	if r >= '1' && r <= '9' {
		return Intent{Cmd: CmdSelectNode, Node: uint64(r - '0')}
	}
	if r >= 'A' && r <= 'Z' {
		r += 'a' - 'A'
	}
	if r == '\r' {
		r = KeyEnter
	}
	if cmd, ok := keyCommands[r]; ok {
		return Intent{Cmd: cmd}
	}
	in, _ := nodeKeyIntent(r)
	return in
}

// HelpLine is one row of the help overlay: the keys and what they do.
type HelpLine struct{ Keys, What string }

// HelpLines lists every control, in the order the help overlay shows them;
// the keys of the node's actions come from nodeActions.
var HelpLines = slices.Concat([]HelpLine{
	{"space  .", "play / pause / step: process exactly one event"},
	{"-  =", "slower / faster"},
	{"r", "reset with the next seed"},
	{"w", "client write via the leader (or via the selected node)"},
	{"1 … 9", "select a node: opens its menu"},
}, nodeHelpLines(), []HelpLine{
	{"p", "partition mode: digits or taps move nodes between groups,"},
	{"", "drag a node onto another to join its group; Enter applies"},
	{"h", "heal the partition"},
	{"k  a", "kill all nodes / restart all nodes"},
	{"m  d  *", "select the next message in flight / drop it / duplicate it"},
	{"/  '  !", "manual mode on-off / selected node: tick it, hand over its Ready"},
	{"click", "a node for its menu; a message, or the verdict, for details"},
	{"e  s  v", "etcdctl console / stress on-off / three checking clients"},
	{"g  n  b  x  #", "stories: pick one / next / back / take over / write one"},
	{"y  [  ]", "copy a link to this run / timeline: mark before, after (← →)"},
	{"o  z  q", "settings (knobs: ↑↓ ←→ Enter) / election experiment / members (l, v add)"},
	{";  ?", "space-time diagram of the messages / this help"},
	{"Tab  Esc", "focus the next button (Shift-Tab: back; Enter presses) / close the top panel"},
})
