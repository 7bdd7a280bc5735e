package raftsim

import (
	"fmt"
	"strings"

	"go.etcd.io/raft/v3"
)

// scriptLog is the raft logger of a script's nodes, and the script's
// output: it writes raft's lines as rafttest's RedirectLogger does ("INFO
// 1 became leader at term 1"), from the script's log level up.
type scriptLog struct {
	b     strings.Builder
	level int // an index of scriptLevels
}

// scriptLevels are rafttest's log levels, lowest first; NONE prints nothing.
var scriptLevels = [...]string{"DEBUG", "INFO", "WARN", "ERROR", "FATAL", "NONE"}

var _ raft.Logger = (*scriptLog)(nil)

func (l *scriptLog) setLevel(name string) error {
	for i, s := range scriptLevels {
		if strings.EqualFold(s, name) {
			l.level = i
			return nil
		}
	}
	return fmt.Errorf("log levels must be either of %v", scriptLevels)
}

func (l *scriptLog) quiet() bool { return l.level == len(scriptLevels)-1 }

// write adds text to the output unless the level is NONE.
func (l *scriptLog) write(s string) {
	if !l.quiet() {
		l.b.WriteString(s)
	}
}

func (l *scriptLog) printf(lvl int, format string, args ...any) {
	if l.level <= lvl {
		s := scriptLevels[lvl] + " " + fmt.Sprintf(format, args...)
		if !strings.HasSuffix(format, "\n") {
			s += "\n"
		}
		l.write(s)
	}
}

func (l *scriptLog) print(lvl int, args ...any) {
	if l.level <= lvl {
		l.write(scriptLevels[lvl] + " " + fmt.Sprintln(args...))
	}
}

func (l *scriptLog) Debug(v ...any)                   { l.print(0, v...) }
func (l *scriptLog) Debugf(format string, v ...any)   { l.printf(0, format, v...) }
func (l *scriptLog) Info(v ...any)                    { l.print(1, v...) }
func (l *scriptLog) Infof(format string, v ...any)    { l.printf(1, format, v...) }
func (l *scriptLog) Warning(v ...any)                 { l.print(2, v...) }
func (l *scriptLog) Warningf(format string, v ...any) { l.printf(2, format, v...) }
func (l *scriptLog) Error(v ...any)                   { l.print(3, v...) }
func (l *scriptLog) Errorf(format string, v ...any)   { l.printf(3, format, v...) }
func (l *scriptLog) Fatal(v ...any)                   { l.print(4, v...); panic(fmt.Sprint(v...)) }
func (l *scriptLog) Fatalf(format string, v ...any) {
	l.printf(4, format, v...)
	panic(fmt.Sprintf(format, v...))
}
func (l *scriptLog) Panic(v ...any) { l.print(4, v...); panic(fmt.Sprint(v...)) }
func (l *scriptLog) Panicf(format string, v ...any) {
	l.printf(4, format, v...)
	panic(fmt.Sprintf(format, v...))
}
