package scene

import "strconv"

// Words are the values client writes propose, in order; past the end the list
// starts again with a round number, so every value stays unique.
var Words = []string{
	"much", "wow", "cool", "such", "very", "amaze", "so", "many",
	"doge", "excite", "scare", "concern", "plz", "shibe", "bork", "zoom",
}

// Word returns the i-th value to write (from 0): much, wow, …, much2, wow2, ….
func Word(i int) string {
	w := Words[i%len(Words)]
	if r := i / len(Words); r > 0 {
		w += strconv.Itoa(r + 1)
	}
	return w
}
