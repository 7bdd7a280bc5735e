package scenario

import (
	"reflect"
	"testing"

	"raftplay/raftsim/clients"
)

// FuzzParse feeds story files to the reader (cmd/sim -scenario file.json and
// any story a page loads). Properties: no panic; a refused story says why; an
// accepted one reads the same every time and plays its first moments.
func FuzzParse(f *testing.F) {
	for _, name := range Builtins {
		b, err := builtinFiles.ReadFile("builtin/" + name + ".json")
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(b))
	}
	for _, js := range []string{
		`{}`, `[]`, `{"name":"x","title":"y","steps":[]}`,
		`{"name":"x","title":"y","steps":[{"caption":"c","actions":[{"at_ms":0,"op":"crash","node":"leader"}],"run_ms":100}]}`,
		`{"name":"x","title":"y","config":{"nodes":12},"steps":[{"caption":"c"}]}`,
		`{"name":"x","title":"y","steps":[{"caption":"c","until":{"leaders":1},"within_ms":-1}]}`,
	} {
		f.Add(js)
	}
	f.Fuzz(func(t *testing.T, js string) {
		sc, err := Parse(js)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("refused without saying why")
			}
			return
		}
		again, err := Parse(js)
		if err != nil || !reflect.DeepEqual(again, sc) {
			t.Fatalf("the same story read twice differs: %v", err)
		}
		sim, err := clients.New(sc.Config)
		if err != nil {
			t.Fatalf("an accepted story's config is refused: %v", err)
		}
		p, err := NewPlayer(sim, sc)
		if err != nil {
			return
		}
		defer p.Close()
		p.Advance(300)
	})
}
