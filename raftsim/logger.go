package raftsim

import (
	"fmt"

	"go.etcd.io/raft/v3"
)

// raftLogger silences raft's chatter (the event stream tells the story) but
// keeps its panics: raft panics when it meets a state it cannot accept, and
// the simulator turns that panic into a halted node and a violation. While
// a console line of raft's script language runs (Sim.RaftScriptCommand),
// it passes raft's lines on to the sim's raftSink.
type raftLogger struct{ s *Sim }

var _ raft.Logger = raftLogger{}

// sink is where raft's lines go now, or nil.
func (l raftLogger) sink() raft.Logger {
	if l.s == nil || l.s.raftSink == nil {
		return nil
	}
	return l.s.raftSink
}

func (l raftLogger) Debug(v ...any) {
	if k := l.sink(); k != nil {
		k.Debug(v...)
	}
}

func (l raftLogger) Debugf(f string, v ...any) {
	if k := l.sink(); k != nil {
		k.Debugf(f, v...)
	}
}

func (l raftLogger) Error(v ...any) {
	if k := l.sink(); k != nil {
		k.Error(v...)
	}
}

func (l raftLogger) Errorf(f string, v ...any) {
	if k := l.sink(); k != nil {
		k.Errorf(f, v...)
	}
}

func (l raftLogger) Info(v ...any) {
	if k := l.sink(); k != nil {
		k.Info(v...)
	}
}

func (l raftLogger) Infof(f string, v ...any) {
	if k := l.sink(); k != nil {
		k.Infof(f, v...)
	}
}

func (l raftLogger) Warning(v ...any) {
	if k := l.sink(); k != nil {
		k.Warning(v...)
	}
}

func (l raftLogger) Warningf(f string, v ...any) {
	if k := l.sink(); k != nil {
		k.Warningf(f, v...)
	}
}

func (raftLogger) Fatal(v ...any)            { panic(fmt.Sprint(v...)) }
func (raftLogger) Fatalf(f string, v ...any) { panic(fmt.Sprintf(f, v...)) }
func (raftLogger) Panic(v ...any)            { panic(fmt.Sprint(v...)) }
func (raftLogger) Panicf(f string, v ...any) { panic(fmt.Sprintf(f, v...)) }
