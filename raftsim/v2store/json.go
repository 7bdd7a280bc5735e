package v2store

import (
	"encoding/json"
	"time"
)

// etcd's JSON answers, with the fields in the order etcd's encoder writes
// them (its Event and NodeExtern structs) and the same omissions.

// Epoch is the wall-clock instant virtual time 0 stands for, so TTLs have an
// expiration date to show.
var Epoch = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

type jsonNode struct {
	Key           string      `json:"key,omitempty"`
	Value         *string     `json:"value,omitempty"`
	Dir           bool        `json:"dir,omitempty"`
	Expiration    *time.Time  `json:"expiration,omitempty"`
	TTL           int64       `json:"ttl,omitempty"`
	Nodes         []*jsonNode `json:"nodes,omitempty"`
	ModifiedIndex uint64      `json:"modifiedIndex,omitempty"`
	CreatedIndex  uint64      `json:"createdIndex,omitempty"`
}

type jsonEvent struct {
	Action   string    `json:"action"`
	Node     *jsonNode `json:"node,omitempty"`
	PrevNode *jsonNode `json:"prevNode,omitempty"`
}

type jsonError struct {
	ErrorCode int    `json:"errorCode"`
	Message   string `json:"message"`
	Cause     string `json:"cause,omitempty"`
	Index     uint64 `json:"index"`
}

func (n NodeView) json() *jsonNode {
	j := &jsonNode{Key: n.Key, Dir: n.Dir, TTL: n.TTL, ModifiedIndex: n.ModifiedIndex, CreatedIndex: n.CreatedIndex}
	if n.HasValue {
		v := n.Value
		j.Value = &v
	}
	if n.Expire != 0 {
		t := Epoch.Add(time.Duration(n.Expire) * time.Millisecond)
		j.Expiration = &t
	}
	for _, c := range n.Nodes {
		j.Nodes = append(j.Nodes, c.json())
	}
	return j
}

// JSON is the error as etcd's HTTP API writes it.
func (e Error) JSON() string {
	return marshal(jsonError{ErrorCode: e.Code, Message: e.Message(), Cause: e.Cause, Index: e.Index})
}

// JSON is the answer as etcd's HTTP API writes it: the event, or the error.
func (r Result) JSON() string {
	if !r.OK() {
		return r.Err().JSON()
	}
	e := jsonEvent{Action: r.Action, Node: r.NodeView.json()}
	if r.PrevNode != nil {
		e.PrevNode = r.PrevNode.json()
	}
	return marshal(e)
}

func marshal(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return err.Error() // plain structs of strings and numbers: cannot happen
	}
	return string(b)
}
