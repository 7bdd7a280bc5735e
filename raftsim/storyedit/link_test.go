package storyedit

import (
	"strings"
	"testing"

	"raftplay/raftsim/runcodec"
)

// A story= link carries the story whole: decoded, it is the same story file
// (without its spaces), and read back as a draft it is the same draft.
func TestLinkRoundTrips(t *testing.T) {
	d := mustRecord(t)
	d.SetCaption(1, "A write, «much», goes through the leader — and commits.")
	js, _ := QuestionForm{Ask: "Does it commit?", Kind: "yes_no", Right: "yes", Explain: "A majority is up."}.JSON()
	if err := d.SetQuestion(1, js); err != nil {
		t.Fatal(err)
	}
	d.ToggleExpect(1, `{"hashes_equal": true}`)
	link := EncodeLink(d.JSON())
	if len(link) > 2000 {
		t.Errorf("the link is %d characters; a six-step story should fit in 2000", len(link))
	}
	story, sc, err := DecodeLink(link)
	if err != nil {
		t.Fatal(err)
	}
	if story != compact(string(d.JSON())) || len(sc.Steps) != len(d.Steps) {
		t.Fatalf("decoded story differs:\n%s\n%s", story, d.JSON())
	}
	back, err := Parse(story)
	if err != nil {
		t.Fatal(err)
	}
	if string(back.JSON()) != string(d.JSON()) {
		t.Errorf("the draft read back from its link differs:\n%s\n%s", back.JSON(), d.JSON())
	}
}

// Damaged links are refused, each saying what is wrong.
func TestLinkRefusesDamage(t *testing.T) {
	link := EncodeLink(mustRecord(t).JSON())
	for _, c := range []struct{ name, link, want string }{
		{"empty", "", "cannot inflate"},
		{"not base64url", link[:40] + "+/" + link[42:], "not base64url"},
		{"cut short", link[:len(link)/2], "cannot inflate"},
		{"one character changed", flip(link, len(link)/3), "damaged"},
		{"not a story", runcodec.Pack([]byte(`{"name":"x"}`)), "not a valid story"},
		{"a step without caption", runcodec.Pack([]byte(`{"name":"x","title":"X","steps":[{"run_ms":10}]}`)), "steps[0].caption"},
		{"a bad question", runcodec.Pack([]byte(`{"name":"x","title":"X","steps":[{"caption":"c","question":{"ask":"?","kind":"node","right":"Q","explain":"."}}]}`)), `"Q" is not a node`},
	} {
		if _, _, err := DecodeLink(c.link); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v, want %q", c.name, err, c.want)
		}
	}
}

// flip changes the character at i to another base64url character.
func flip(s string, i int) string {
	c := byte('A')
	if s[i] == 'A' {
		c = 'B'
	}
	return s[:i] + string(c) + s[i+1:]
}

// Whatever a story= link holds, decoding it neither panics nor accepts a
// story the format refuses; an accepted one, packed again, decodes to the
// same story.
func FuzzDecodeLink(f *testing.F) {
	f.Add(EncodeLink([]byte(`{"name":"s","title":"S","steps":[{"caption":"c","run_ms":100,"expect":[{"leader":true}]}]}`)))
	f.Add(EncodeLink([]byte(`{"name":"s","title":"S","steps":[{"caption":"c","question":{"ask":"?","kind":"yes_no","right":"yes","explain":"."}}]}`)))
	f.Add("")
	f.Add("AAAA")
	f.Fuzz(func(t *testing.T, link string) {
		story, sc, err := DecodeLink(link)
		if err != nil {
			return
		}
		if sc == nil || len(sc.Steps) == 0 {
			t.Fatalf("accepted a story without steps: %s", story)
		}
		again, _, err := DecodeLink(EncodeLink([]byte(story)))
		if err != nil || again != compact(story) {
			t.Fatalf("packed again, the story reads back as %q (%v), want %q", again, err, compact(story))
		}
	})
}
