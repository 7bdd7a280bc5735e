// Package storyedit writes stories in the page: Record turns the actions
// taken in free play into steps (record.go), each step is captioned, given
// expectations from what it made happen and maybe a question, and the steps
// are reordered, joined and deleted (edit.go). A draft is always a story
// file (draft.go), which raftsim/scenario parses, plays and checks as it
// does the built-in ones (check.go), cmd/sim -scenario plays, the browser
// keeps, and a link carries compressed (link.go).
package storyedit
