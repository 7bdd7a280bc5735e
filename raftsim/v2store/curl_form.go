package v2store

import (
	"net/url"
	"strconv"
	"strings"
)

// CurlForm is the curl command that asks etcd at host for what op asks, as
// the slides show beside each etcdctl command: "curl -L
// http://n1:2379/v2/keys/foo -XPUT -d value=bar".
func CurlForm(op Op, host string) string {
	q := url.Values{}
	var data []string
	method := ""
	setBool := func(name string, on bool) {
		if on {
			q.Set(name, "true")
		}
	}
	compare := func() {
		if op.PrevValue != "" {
			q.Set("prevValue", op.PrevValue)
		}
		if op.PrevIndex != 0 {
			q.Set("prevIndex", strconv.FormatUint(op.PrevIndex, 10))
		}
	}
	switch op.Kind {
	case OpGet, OpLs:
		setBool("recursive", op.Recursive)
		setBool("sorted", op.Sorted)
		setBool("quorum", op.Read != ReadSerializable)
	case OpWatch:
		q.Set("wait", "true")
		setBool("recursive", op.Recursive)
		if op.AfterIndex != 0 {
			q.Set("waitIndex", strconv.FormatUint(op.AfterIndex, 10))
		}
	case OpDelete, OpCAD:
		method = "DELETE"
		setBool("dir", op.Dir)
		setBool("recursive", op.Recursive)
		compare()
	case OpCreate, OpUpdate, OpSet, OpCAS:
		method = "PUT"
		setBool("dir", op.Dir)
		switch {
		case op.Kind == OpCreate && op.Unique:
			method = "POST"
		case op.Kind == OpCreate:
			q.Set("prevExist", "false")
		case op.Kind == OpUpdate:
			q.Set("prevExist", "true")
		case op.Kind == OpCAS:
			compare()
		}
		if !op.Dir {
			data = append(data, "value="+url.QueryEscape(op.Value))
		}
		if op.TTL > 0 {
			data = append(data, "ttl="+strconv.FormatInt(op.TTL, 10))
		}
	}
	u := "http://" + host + ":2379" + keysPrefix + (&url.URL{Path: CleanKey(op.Key)}).EscapedPath()
	if len(q) > 0 {
		u += "?" + q.Encode()
	}
	words := []string{"curl", "-L", shellQuote(u)}
	if method != "" {
		words = append(words, "-X"+method)
	}
	for _, d := range data {
		words = append(words, "-d", shellQuote(d))
	}
	return strings.Join(words, " ")
}

// shellQuote quotes a word a shell would split or expand.
func shellQuote(s string) string {
	if s != "" && !strings.ContainsAny(s, " \t\n'\"\\$&?*;|<>()`#~") {
		return s
	}
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
