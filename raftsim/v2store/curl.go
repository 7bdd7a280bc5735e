package v2store

import (
	"errors"
	"fmt"
	"net/url"
	"path"
	"strconv"
	"strings"

	"github.com/google/shlex"
)

// curl requests to etcd's /v2/keys, read the way curl and etcd's v2 HTTP
// handler read them: the method, the query and the form become the
// operation etcd would run, with etcd's errors for bad fields.

// Curl is one curl command line, read.
type Curl struct {
	// Host and Port are the URL's; the console sends the request through
	// the node named by Host.
	Host string
	Port string
	// Op is what etcd runs for the request.
	Op Op
	// Printed is set when the answer comes without the store: curl's own
	// errors, or etcd's for a request it refuses before running it.
	Printed *Printed
	// V3 is set for a request to etcd's v3 gateway (a path under /v3/),
	// which the v2 key space does not answer.
	V3 *GatewayCall
}

// GatewayCall is a request to etcd's v3 JSON gateway: its method, path and
// body.
type GatewayCall struct {
	Method, Path, Body string
}

// keysPrefix is the path of etcd's v2 key space.
const keysPrefix = "/v2/keys"

// ParseCurl reads one curl command line.
func ParseCurl(line string) (Curl, error) {
	words, err := shlex.Split(line)
	if err != nil {
		return Curl{}, fmt.Errorf("cannot read %q: %v", line, err)
	}
	if len(words) == 0 || words[0] != "curl" {
		return Curl{}, fmt.Errorf("not a curl command: %q", line)
	}
	method, data, rawURL, err := curlArgs(words[1:])
	if err != nil {
		return curlSays(err.Error(), "curl: try 'curl --help' or 'curl --manual' for more information"), nil
	}
	if rawURL == "" {
		return curlSays("curl: no URL specified!", "curl: try 'curl --help' or 'curl --manual' for more information"), nil
	}
	if !strings.Contains(rawURL, "://") {
		rawURL = "http://" + rawURL
	}
	u, err := url.Parse(rawURL)
	if err != nil || u.Scheme != "http" || u.Hostname() == "" {
		return curlSays(fmt.Sprintf("curl: (3) URL using bad/illegal format or missing URL")), nil
	}
	c := Curl{Host: u.Hostname(), Port: u.Port()}
	if c.Port == "" {
		c.Port = "80"
	}
	if method == "" {
		method = "GET"
		if data != nil {
			method = "POST"
		}
	}
	if strings.HasPrefix(u.Path, "/v3/") {
		c.V3 = &GatewayCall{Method: method, Path: u.Path, Body: strings.Join(data, "&")}
		return c, nil
	}
	c.Op, err = keyRequest(method, u, data)
	var answer httpAnswer
	if errors.As(err, &answer) {
		c.Printed = &Printed{Stdout: []string{string(answer)}}
	}
	return c, nil
}

func curlSays(lines ...string) Curl {
	return Curl{Printed: &Printed{Stderr: lines}}
}

// curlArgs reads the options the console's curl knows: -L, -s, -S, -X
// METHOD, -d DATA (repeated -d join with &) and the URL.
func curlArgs(args []string) (method string, data []string, rawURL string, err error) {
	for len(args) > 0 {
		a := args[0]
		args = args[1:]
		var value *string
		switch {
		case a == "-X" || a == "--request":
			value = &method
		case strings.HasPrefix(a, "-X"):
			method = a[2:]
		case a == "-d" || a == "--data":
			if len(args) == 0 {
				return "", nil, "", fmt.Errorf("curl: option %s: requires parameter", a)
			}
			data, args = append(data, args[0]), args[1:]
		case strings.HasPrefix(a, "-d"):
			data = append(data, a[2:])
		case a == "-L" || a == "--location" || a == "-s" || a == "--silent" || a == "-S" || a == "--show-error" || a == "-sS" || a == "-Ss" || a == "-sSL" || a == "-Ls" || a == "-sL":
		case strings.HasPrefix(a, "-"):
			return "", nil, "", fmt.Errorf("curl: option %s: is unknown", a)
		default:
			rawURL = a
		}
		if value != nil {
			if len(args) == 0 {
				return "", nil, "", fmt.Errorf("curl: option %s: requires parameter", a)
			}
			*value, args = args[0], args[1:]
		}
	}
	return method, data, rawURL, nil
}

// httpAnswer is a body etcd answers with before running anything.
type httpAnswer string

func (a httpAnswer) Error() string { return string(a) }

// requestError is etcd's answer to a field it cannot read (index 0, as etcd
// gives it).
func requestError(code int, cause string) httpAnswer {
	return httpAnswer(Error{Code: code, Cause: cause}.JSON())
}

// keyRequest is etcd's v2 HTTP handler's reading of a request into a store
// operation (v2http's parseKeyRequest and the server's method switch).
func keyRequest(method string, u *url.URL, data []string) (Op, error) {
	switch method {
	case "GET", "HEAD", "PUT", "POST", "DELETE":
	default:
		return Op{}, httpAnswer("Method Not Allowed")
	}
	if u.Path != keysPrefix && !strings.HasPrefix(u.Path, keysPrefix+"/") {
		return Op{}, httpAnswer("404 page not found")
	}
	form := u.Query()
	if method == "PUT" || method == "POST" {
		// Go's ParseForm reads a body for these methods only.
		body, err := url.ParseQuery(strings.Join(data, "&"))
		if err != nil {
			return Op{}, requestError(210, err.Error())
		}
		for k, vs := range body {
			form[k] = append(vs, form[k]...)
		}
	}
	op := Op{Key: path.Join("/", u.Path[len(keysPrefix):]), Value: form.Get("value"), PrevValue: form.Get("prevValue"), Read: ReadSerializable}
	var err error
	if op.PrevIndex, err = formUint(form, "prevIndex"); err != nil {
		return op, requestError(ErrIndexNaN, `invalid value for "prevIndex"`)
	}
	if op.AfterIndex, err = formUint(form, "waitIndex"); err != nil {
		return op, requestError(ErrIndexNaN, `invalid value for "waitIndex"`)
	}
	flags := map[string]*bool{"recursive": &op.Recursive, "sorted": &op.Sorted, "dir": &op.Dir}
	var wait, quorum bool
	flags["wait"], flags["quorum"] = &wait, &quorum
	for _, name := range []string{"recursive", "sorted", "wait", "dir", "quorum"} {
		if *flags[name], err = formBool(form, name); err != nil {
			return op, requestError(ErrInvalidField, fmt.Sprintf("invalid value for %q", name))
		}
	}
	if wait && method != "GET" {
		return op, requestError(ErrInvalidField, `"wait" can only be used with GET requests`)
	}
	if _, ok := form["prevValue"]; ok && op.PrevValue == "" {
		return op, requestError(ErrPrevValueNone, `"prevValue" cannot be empty`)
	}
	if form.Get("ttl") != "" {
		ttl, err := formUint(form, "ttl")
		if err != nil {
			return op, requestError(ErrTTLNaN, `invalid value for "ttl"`)
		}
		op.TTL = int64(ttl)
	}
	_, hasPrevExist := form["prevExist"]
	prevExist, err := formBool(form, "prevExist")
	if err != nil {
		return op, requestError(ErrInvalidField, "invalid value for prevExist")
	}
	if quorum {
		op.Read = ReadLinearizable
	}
	compares := op.PrevIndex > 0 || op.PrevValue != ""
	op.HasPrevIndex = op.PrevIndex > 0
	switch {
	case method == "GET" && wait:
		op.Kind = OpWatch
	case method == "GET" || method == "HEAD":
		op.Kind = OpGet
	case method == "POST":
		op.Kind, op.Unique = OpCreate, true
	case method == "DELETE" && compares:
		op.Kind = OpCAD
	case method == "DELETE":
		op.Kind = OpDelete
	case hasPrevExist && prevExist && !compares:
		op.Kind = OpUpdate
	case hasPrevExist && !prevExist:
		op.Kind = OpCreate
	case compares:
		op.Kind = OpCAS
	default:
		op.Kind = OpSet
	}
	return op, nil
}

func formUint(form url.Values, key string) (uint64, error) {
	if vs, ok := form[key]; ok {
		return strconv.ParseUint(vs[0], 10, 64)
	}
	return 0, nil
}

func formBool(form url.Values, key string) (bool, error) {
	if vs, ok := form[key]; ok {
		return strconv.ParseBool(vs[0])
	}
	return false, nil
}
