package raftsim

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// unshown are the snapshot's fields the picture does not draw, which no
// generation number follows.
var unshown = map[string]bool{"Generation": true, "Changes": true, "Actions": true}

// Every field of the snapshot the picture shows, changed alone, moves a
// generation number; nothing changed moves none. The snapshot is filled by
// reflection (every slice one element long, every pointer set), so a field
// added later is checked without touching this test.
func TestEveryShownFieldChangedAloneMovesANumber(t *testing.T) {
	var before, after Snapshot
	fill(reflect.ValueOf(&before).Elem())
	fill(reflect.ValueOf(&after).Elem())
	var c Changes
	c.observe(nil, &before)
	start := c
	c.observe(&before, &after)
	if c != start {
		t.Fatalf("equal snapshots moved numbers: %+v, then %+v", start, c)
	}
	checked := 0
	root := reflect.ValueOf(&after).Elem()
	for i := range root.NumField() {
		name := root.Type().Field(i).Name
		if unshown[name] {
			continue
		}
		eachLeaf(root.Field(i), name, func(path string, change, undo func()) {
			checked++
			change()
			c := start
			c.observe(&before, &after)
			if c == start {
				t.Errorf("%s changed alone moved no generation number", path)
			}
			undo()
		})
	}
	if checked < 50 {
		t.Fatalf("only %d fields were checked: the filled snapshot is missing parts", checked)
	}
}

// A Sim's snapshots keep their numbers while nothing moves and move the
// clock's and the timers' as time passes.
func TestSnapshotsNumberTheirChanges(t *testing.T) {
	sim, err := New(DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	sim.Advance(2000)
	a, b := sim.Snapshot().Changes, sim.Snapshot().Changes
	if a != b {
		t.Fatalf("two snapshots with nothing between them differ: %+v and %+v", a, b)
	}
	sim.Advance(10)
	c := sim.Snapshot().Changes
	if c.Clock == b.Clock || c.Timers == b.Timers {
		t.Errorf("10 ms later the clock's or the timers' number stayed: %+v, then %+v", b, c)
	}
	if c.Run != b.Run || c.Network != b.Network {
		t.Errorf("10 ms later the run's or the network's number moved: %+v, then %+v", b, c)
	}
}

// fill sets every leaf of v to a value that is not its zero, giving slices
// one element and pointers a target, so each can be changed alone.
func fill(v reflect.Value) {
	switch v.Kind() {
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				fill(v.Field(i))
			}
		}
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 1, 1))
		fill(v.Index(0))
	case reflect.Pointer:
		v.Set(reflect.New(v.Type().Elem()))
		fill(v.Elem())
	case reflect.Map:
		v.Set(reflect.MakeMap(v.Type()))
		k, e := reflect.New(v.Type().Key()).Elem(), reflect.New(v.Type().Elem()).Elem()
		fill(k)
		fill(e)
		v.SetMapIndex(k, e)
	default:
		setBasic(v, 1)
	}
}

// setBasic sets v, a basic value, to the n-th of a row of values that
// differ from each other and from the zero value (a bool has two: n odd is
// true).
func setBasic(v reflect.Value, n int) {
	switch v.Kind() {
	case reflect.String:
		v.SetString(strings.Repeat("x", n))
	case reflect.Bool:
		v.SetBool(n%2 == 1)
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(int64(n))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		v.SetUint(uint64(n))
	case reflect.Float32, reflect.Float64:
		v.SetFloat(float64(n))
	default:
		panic(fmt.Sprintf("a snapshot field of kind %s", v.Kind()))
	}
}

// eachLeaf calls f with a way to change, then restore, each leaf under v
// (path names it): every basic value, and every pointer and slice as a
// whole (set to nil).
func eachLeaf(v reflect.Value, path string, f func(path string, change, undo func())) {
	switch v.Kind() {
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				eachLeaf(v.Field(i), path+"."+v.Type().Field(i).Name, f)
			}
		}
		return
	case reflect.Slice, reflect.Pointer:
		old := reflect.ValueOf(v.Interface())
		f(path+" (nil)", func() { v.SetZero() }, func() { v.Set(old) })
		if v.Kind() == reflect.Slice {
			eachLeaf(v.Index(0), path+"[0]", f)
		} else {
			eachLeaf(v.Elem(), path, f)
		}
		return
	case reflect.Map:
		old := reflect.ValueOf(v.Interface())
		f(path+" (nil)", func() { v.SetZero() }, func() { v.Set(old) })
		return
	}
	old := reflect.ValueOf(v.Interface())
	f(path, func() { setBasic(v, 2) }, func() { v.Set(old) })
}
