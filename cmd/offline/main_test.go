package main

import (
	"strings"
	"testing"
	"testing/fstest"

	"github.com/tidwall/gjson"
)

// site returns a site holding every offline file, each with its own name as
// its content.
func site() fstest.MapFS {
	fsys := fstest.MapFS{}
	for _, name := range offlineFiles {
		fsys[name] = &fstest.MapFile{Data: []byte(name)}
	}
	return fsys
}

// readManifest returns the JSON that offline.js assigns to the worker.
func readManifest(t *testing.T, script []byte) gjson.Result {
	t.Helper()
	_, rest, ok := strings.Cut(string(script), "self.raftplayOffline = ")
	text, _, ok2 := strings.Cut(rest, ";\n")
	if !ok || !ok2 || !gjson.Valid(text) {
		t.Fatalf("offline.js does not assign JSON to self.raftplayOffline:\n%s", script)
	}
	return gjson.Parse(text)
}

func TestScriptListsTheFilesAndNamesTheBuild(t *testing.T) {
	script, err := offlineScript(site())
	if err != nil {
		t.Fatal(err)
	}
	m := readManifest(t, script)
	var files []string
	for _, f := range m.Get("files").Array() {
		files = append(files, f.String())
	}
	if strings.Join(files, ",") != strings.Join(offlineFiles, ",") {
		t.Errorf("files = %v, want %v", files, offlineFiles)
	}
	if b := m.Get("build").String(); len(b) != 16 {
		t.Errorf("build = %q, want 16 hex digits", b)
	}
}

// Any change to any cached file must name a new build, or browsers would
// keep the old cache; the same files must name the same build, or every
// rebuild would throw the cache away.
func TestBuildFollowsEveryFile(t *testing.T) {
	base, err := offlineScript(site())
	if err != nil {
		t.Fatal(err)
	}
	build := readManifest(t, base).Get("build").String()
	again, _ := offlineScript(site())
	if got := readManifest(t, again).Get("build").String(); got != build {
		t.Errorf("the same files name builds %s and %s", build, got)
	}
	for _, name := range offlineFiles {
		changed := site()
		changed[name].Data = append(changed[name].Data, '!')
		script, err := offlineScript(changed)
		if err != nil {
			t.Fatal(err)
		}
		if got := readManifest(t, script).Get("build").String(); got == build {
			t.Errorf("changing %s leaves the build at %s", name, build)
		}
	}
}

func TestMissingFileIsAnError(t *testing.T) {
	fsys := site()
	delete(fsys, "raftplay.wasm")
	if _, err := offlineScript(fsys); err == nil || !strings.Contains(err.Error(), "raftplay.wasm") {
		t.Errorf("offlineScript without raftplay.wasm: err = %v, want one naming it", err)
	}
}
