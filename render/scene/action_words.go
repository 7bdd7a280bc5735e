package scene

import (
	"fmt"
	"strconv"
	"strings"

	"raftplay/raftsim"
)

// EventText is the line the event list shows for e: what the simulator
// says, except that an action, which it writes as its JSON, is said in
// words ("speed set to 0.03×", "crash B"), each node called what names
// calls it.
func EventText(e *raftsim.Event, names Namer) string {
	if e.Kind != raftsim.EvAction {
		return e.Text
	}
	a, err := raftsim.ParseAction(strings.TrimPrefix(e.Text, "action "))
	if err != nil {
		return e.Text
	}
	return ActionWords(a, names)
}

// ActionWords says what action a does, in words.
func ActionWords(a raftsim.Action, names Namer) string {
	n := names.NodeName
	switch a.Op {
	case raftsim.ActCrash:
		return "crash " + n(a.Node)
	case raftsim.ActRestart:
		return "restart " + n(a.Node)
	case raftsim.ActCrashAll:
		return "crash every node"
	case raftsim.ActRestartAll:
		return "restart every node"
	case raftsim.ActPartition:
		return "partition the network: " + FormatGroups(a.Groups, names)
	case raftsim.ActHeal:
		return "heal the partition"
	case raftsim.ActPut:
		w := fmt.Sprintf("client write %s = %s", a.Key, a.Value)
		if a.Via != 0 {
			w += " via " + n(a.Via)
		}
		return w
	case raftsim.ActTimeout:
		return n(a.Node) + " times out and campaigns"
	case raftsim.ActTransfer:
		return "transfer leadership to " + n(a.To)
	case raftsim.ActDrop:
		return "drop message " + strconv.FormatUint(a.Message, 10)
	case raftsim.ActLoss:
		return fmt.Sprintf("lose %s of messages%s", strconv.FormatFloat(100*a.Rate, 'g', 3, 64)+"%", lossLinks(a, names))
	case raftsim.ActConsole:
		return "etcdctl " + a.Line
	case raftsim.ActStress:
		return "stress writers " + onOff(a.On)
	case raftsim.ActClients:
		return fmt.Sprintf("add %s (%s reads)", plural(a.Count, "checking client"), a.Read)
	case raftsim.ActLyingDisk:
		return n(a.Node) + "'s disk lies " + onOff(a.On)
	case raftsim.ActPause:
		return "paused"
	case raftsim.ActPlay:
		return "playing"
	case raftsim.ActStep:
		return "one step"
	case raftsim.ActSpeed:
		return "speed set to " + FormatSpeed(a.X)
	case raftsim.ActReset:
		if a.Seed != 0 {
			return fmt.Sprintf("a new run with seed %d", a.Seed)
		}
		return "a new run"
	case raftsim.ActAddMember:
		as := a.As
		if as == "" {
			as = raftsim.MemberVoter
		}
		if a.Name != "" {
			return fmt.Sprintf("add %s as a %s", a.Name, as)
		}
		return "add a " + string(as)
	case raftsim.ActPromote:
		return "promote " + n(a.Node) + " to a voter"
	case raftsim.ActRemoveMember:
		return "remove " + n(a.Node) + " from the cluster"
	}
	return string(a.Op)
}

// lossLinks says which links a loss action sets.
func lossLinks(a raftsim.Action, names Namer) string {
	switch {
	case a.From != 0 && a.To != 0:
		return " from " + names.NodeName(a.From) + " to " + names.NodeName(a.To)
	case a.From != 0:
		return " from " + names.NodeName(a.From)
	case a.To != 0:
		return " to " + names.NodeName(a.To)
	}
	return " on every link"
}

func onOff(on bool) string {
	if on {
		return "on"
	}
	return "off"
}
