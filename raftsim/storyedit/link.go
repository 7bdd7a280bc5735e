package storyedit

import (
	"fmt"

	"raftplay/raftsim/runcodec"
	"raftplay/raftsim/scenario"
)

// EncodeLink packs a story file into the text of a story= link, as a run
// link packs a run: the JSON without spaces, deflated, base64url. The link
// carries the whole story, so no server keeps it.
func EncodeLink(story []byte) string {
	return runcodec.Pack([]byte(compact(string(story))))
}

// DecodeLink unpacks a story= link into its story file and the story it
// holds, checked as any story file is: a damaged or invalid link says what
// is wrong with it.
func DecodeLink(s string) (string, *scenario.Scenario, error) {
	js, err := runcodec.Unpack(s, "story")
	if err != nil {
		return "", nil, err
	}
	sc, err := scenario.Parse(string(js))
	if err != nil {
		return "", nil, fmt.Errorf("the link's story is not a valid story: %v", err)
	}
	return string(js), sc, nil
}
