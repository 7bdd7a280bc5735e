package v2store

import (
	"slices"
	"strings"
	"testing"
)

// Bad command lines get etcdctl's own words, on the stream etcdctl uses.
func TestEtcdctlRefusesAsEtcdctlDoes(t *testing.T) {
	for line, want := range map[string]Printed{
		"frobnicate /x":                 {Stderr: []string{"No help topic for 'frobnicate'"}},
		"set /x":                        {Stderr: []string{"Error:  value required"}},
		"rm":                            {Stderr: []string{"Error:  key required"}},
		"member bogus":                  {Stdout: memberHelp()},
		"member remove zz":              {Stderr: []string{`Error: bad member ID arg (strconv.ParseUint: parsing "zz": invalid syntax), expecting ID in Hex`}},
		"member add":                    {Stderr: []string{"Error: member name not provided"}},
		"member add m4 --peer-urls=foo": {Stderr: []string{"Error: URL scheme must be http, https, unix, or unixs: foo"}},
		"member list --bogus":           {Stderr: []string{"Error: unknown flag: --bogus"}},
		"rmdir --bogus /":               {Stdout: []string{"Incorrect Usage: flag provided but not defined: -bogus", "", "NAME:", "   etcdctl rmdir - removes the key if it is an empty directory or a key-value pair", "", "USAGE:", "   etcdctl rmdir <key>"}, Stderr: []string{"flag provided but not defined: -bogus"}},
	} {
		e, err := ParseEtcdctl(line)
		if err != nil || e.Printed == nil || !slices.Equal(e.Printed.Stdout, want.Stdout) || !slices.Equal(e.Printed.Stderr, want.Stderr) {
			t.Errorf("%q: got %+v %v, want %+v", line, e.Printed, err, want)
		}
	}
}

// Member commands are read as etcdctl's v3 reads them: flags anywhere, in
// either form, IDs in hex.
func TestEtcdctlReadsMemberCommands(t *testing.T) {
	for line, want := range map[string]MemberCommand{
		"member list":                              {Sub: "list"},
		"member list -w table":                     {Sub: "list", Table: true},
		"member list --write-out=table":            {Sub: "list", Table: true},
		"member add m4 --learner":                  {Sub: "add", Name: "m4", Learner: true},
		"member add --learner=false m4":            {Sub: "add", Name: "m4"},
		"member add m4 --peer-urls http://n4:2380": {Sub: "add", Name: "m4", PeerURLs: []string{"http://n4:2380"}},
		"etcdctl member promote a":                 {Sub: "promote", ID: 10},
		"member remove 1f":                         {Sub: "remove", ID: 31},
	} {
		e, err := ParseEtcdctl(line)
		if err != nil || e.Member == nil || e.Printed != nil {
			t.Errorf("%q: read as %+v, %v", line, e, err)
			continue
		}
		if m := *e.Member; m.Sub != want.Sub || m.Name != want.Name || m.Learner != want.Learner || m.Table != want.Table || m.ID != want.ID || !slices.Equal(m.PeerURLs, want.PeerURLs) {
			t.Errorf("%q: read as %+v, want %+v", line, m, want)
		}
	}
}

// A usage error prints the command's help with its flags in aligned columns.
func TestEtcdctlHelpLayout(t *testing.T) {
	e, _ := ParseEtcdctl("rm --with-index abc /k")
	got := strings.Join(e.Printed.Stdout, "\n")
	want := `Incorrect Usage: invalid value "abc" for flag -with-index: parse error

NAME:
   etcdctl rm - remove a key or a directory

USAGE:
   etcdctl rm [command options] <key>

OPTIONS:
   --dir               removes the key if it is an empty directory or a key-value pair
   --recursive, -r     removes the key and all child keys(if it is a directory)
   --with-value value  previous value
   --with-index value  previous index (default: 0)
   `
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// Flags are read as Go's flag package reads them: before the arguments only.
func TestEtcdctlFlags(t *testing.T) {
	for line, want := range map[string]Op{
		"set --ttl=5 /k v":             {Kind: OpSet, Key: "/k", Value: "v", TTL: 5},
		"set /k v --ttl 5":             {Kind: OpSet, Key: "/k", Value: "v"},
		"set --swap-with-value a /k v": {Kind: OpCAS, Key: "/k", Value: "v", PrevValue: "a"},
		"set -- /k -v":                 {Kind: OpSet, Key: "/k", Value: "-v"},
		`set /k "two words"`:           {Kind: OpSet, Key: "/k", Value: "two words"},
		"mk --in-order /q job":         {Kind: OpCreate, Key: "/q", Value: "job", Unique: true},
		"rm -r /d":                     {Kind: OpDelete, Key: "/d", Recursive: true},
		"rmdir /d":                     {Kind: OpDelete, Key: "/d", Dir: true},
		"rm --with-index 4 /k":         {Kind: OpCAD, Key: "/k", PrevIndex: 4, HasPrevIndex: true},
		"watch -r --after-index 7 /d":  {Kind: OpWatch, Key: "/d", Recursive: true, AfterIndex: 8},
		"updatedir --ttl 3 /d":         {Kind: OpUpdate, Key: "/d", Dir: true, TTL: 3},
		"etcdctl ls":                   {Kind: OpLs, Key: "/"},
	} {
		e, err := ParseEtcdctl(line)
		want.Read = ReadSerializable
		if err != nil || e.Printed != nil || e.Op != want {
			t.Errorf("%q: got %+v %+v %v, want %+v", line, e.Op, e.Printed, err, want)
		}
	}
}

// Each etcdctl command's curl form, read back as curl, asks etcd for the
// same thing.
func TestCurlFormReadsBack(t *testing.T) {
	for _, line := range []string{"set /k v", "set --ttl 5 /a/b 'x y&z'", "set --swap-with-value a --swap-with-index 3 /k v", "mk /k v",
		"mk --in-order /q v", "mkdir /d", "setdir /d", "update /k v", "updatedir /d", "get /k", "get --quorum /k", "ls --recursive --sort /",
		"rm /k", "rm --dir /d", "rm -r /d", "rmdir /d", "rm --with-value v /k", "watch /k", "watch -r --after-index 4 /d"} {
		e, _ := ParseEtcdctl(line)
		form := CurlForm(e.Op, "n2")
		c, err := ParseCurl(form)
		want := e.Op
		if want.Kind == OpLs {
			want.Kind = OpGet
		}
		if err != nil || c.Printed != nil || c.Host != "n2" || c.Op != want {
			t.Errorf("%q as %s: got %+v %+v %v, want %+v", line, form, c.Op, c.Printed, err, want)
		}
	}
}

// etcd's JSON answers keep etcd's field order.
func TestJSONAnswers(t *testing.T) {
	s := NewStore(func() int64 { return 0 })
	s.Apply(4, Command{Op: Op{Kind: OpSet, Key: "/nosql/foo", Value: "bar"}})
	r := s.Apply(5, Command{Op: Op{Kind: OpSet, Key: "/nosql/foo", Value: "baz"}})
	if got, want := r.JSON(), `{"action":"set","node":{"key":"/nosql/foo","value":"baz","modifiedIndex":5,"createdIndex":5},"prevNode":{"key":"/nosql/foo","value":"bar","modifiedIndex":4,"createdIndex":4}}`; got != want {
		t.Errorf("set:\n got %s\nwant %s", got, want)
	}
	if got, want := s.Read(Op{Kind: OpGet, Key: "/"}).JSON(), `{"action":"get","node":{"dir":true,"nodes":[{"key":"/nosql","dir":true,"modifiedIndex":4,"createdIndex":4}]}}`; got != want {
		t.Errorf("get /:\n got %s\nwant %s", got, want)
	}
	c, _ := ParseCurl("curl -L 'http://n1:2379/v2/keys/a?ttl=x' -XPUT -d value=1")
	if got, want := c.Printed.Stdout[0], `{"errorCode":202,"message":"The given TTL in POST form is not a number","cause":"invalid value for \"ttl\"","index":0}`; got != want {
		t.Errorf("bad ttl:\n got %s\nwant %s", got, want)
	}
}
