package v3store

import (
	"encoding/base64"
	"fmt"
	"strconv"
	"strings"

	"github.com/tidwall/gjson"
)

// etcd's v3 JSON gateway (grpc-gateway in front of the gRPC API): a POST of
// a request's JSON to /v3/kv/put, /v3/kv/range, /v3/kv/deleterange,
// /v3/kv/txn, /v3/kv/compaction or /v3/lease/grant, answered with the
// response's JSON: keys and values in base64, int64s as strings, empty
// fields left out, errors as {"error","message","code"}.

// gatewayPaths are the gateway's paths and the request each reads.
var gatewayPaths = map[string]Kind{
	"/v3/kv/put": Put, "/v3/kv/range": Range, "/v3/kv/deleterange": DeleteRange,
	"/v3/kv/txn": Txn, "/v3/kv/compaction": Compaction, "/v3/lease/grant": LeaseGrant,
}

// gRPC status codes of the errors the gateway reports.
const (
	codeInvalidArgument    = 3
	codeNotFound           = 5
	codeFailedPrecondition = 9
	codeOutOfRange         = 11
)

// errorCodes are the gRPC codes of etcd's errors (rpctypes).
var errorCodes = map[error]int{
	ErrCompacted: codeOutOfRange, ErrFutureRev: codeOutOfRange, ErrLeaseNotFound: codeNotFound,
	ErrLeaseExist: codeFailedPrecondition, ErrLeaseTTLTooLarge: codeOutOfRange, ErrDuplicateKey: codeInvalidArgument,
	ErrEmptyKey: codeInvalidArgument, ErrNoLeader: 14,
}

// GatewayError is the gateway's JSON for an error.
func GatewayError(err error) string {
	code, ok := errorCodes[err]
	if !ok {
		code = codeInvalidArgument
	}
	return fmt.Sprintf(`{"error":%q,"message":%q,"code":%d}`, err.Error(), err.Error(), code)
}

// GatewayRequest reads a call to the gateway. Refusals the gateway gives as
// plain text (an unknown path, a method other than POST) come as text; a
// request etcd refuses, as err.
func GatewayRequest(method, path, body string) (r Request, text string, err error) {
	kind, ok := gatewayPaths[path]
	switch {
	case !ok:
		return Request{}, "Not Found", nil
	case method != "POST":
		return Request{}, "Method Not Allowed", nil
	}
	if body == "" {
		body = "{}"
	}
	if !gjson.Valid(body) {
		return Request{}, "", fmt.Errorf("invalid character %q looking for beginning of value", body[0])
	}
	j := gjson.Parse(body)
	r, err = gatewayRequest(kind, j)
	if err != nil {
		return Request{}, "", err
	}
	if kind == Txn {
		err = CheckTxn(r)
	}
	return r, "", err
}

// ErrEmptyKey is etcd's refusal of a request with no key.
var ErrEmptyKey = fmt.Errorf("etcdserver: key is not provided")

// field reads a field by its proto name or its JSON (camelCase) name, as
// the gateway's unmarshaller accepts either.
func field(j gjson.Result, name string) gjson.Result {
	if v := j.Get(name); v.Exists() {
		return v
	}
	parts := strings.Split(name, "_")
	for i := 1; i < len(parts); i++ {
		parts[i] = strings.ToUpper(parts[i][:1]) + parts[i][1:]
	}
	return j.Get(strings.Join(parts, ""))
}

func bytesField(j gjson.Result, name string) (string, error) {
	b, err := base64.StdEncoding.DecodeString(field(j, name).String())
	return string(b), err
}

func gatewayRequest(kind Kind, j gjson.Result) (Request, error) {
	r := Request{Kind: kind, Lease: field(j, "lease").Int(), PrevKV: field(j, "prev_kv").Bool(),
		Limit: field(j, "limit").Int(), KeysOnly: field(j, "keys_only").Bool(), CountOnly: field(j, "count_only").Bool()}
	var err1, err2, err3 error
	r.Key, err1 = bytesField(j, "key")
	r.End, err2 = bytesField(j, "range_end")
	r.Value, err3 = bytesField(j, "value")
	if err := firstError(err1, err2, err3); err != nil {
		return Request{}, err
	}
	switch kind {
	case Compaction:
		r.Rev = field(j, "revision").Int()
		return r, nil
	case LeaseGrant:
		r.TTL, r.ID = field(j, "TTL").Int(), field(j, "ID").Int()
		return r, nil
	case Range:
		r.Rev = field(j, "revision").Int()
	case Txn:
		return gatewayTxn(j)
	}
	if r.Key == "" {
		return Request{}, ErrEmptyKey
	}
	return r, nil
}

func firstError(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

var (
	targetNames = map[string]CompareTarget{"": CmpVersion, "VERSION": CmpVersion, "CREATE": CmpCreate, "MOD": CmpMod, "VALUE": CmpValue, "LEASE": CmpLease}
	resultNames = map[string]CompareResult{"": Equal, "EQUAL": Equal, "GREATER": Greater, "LESS": Less, "NOT_EQUAL": NotEqual}
)

func gatewayTxn(j gjson.Result) (Request, error) {
	r := Request{Kind: Txn}
	for _, c := range field(j, "compare").Array() {
		cmp := Compare{Target: targetNames[field(c, "target").String()], Result: resultNames[field(c, "result").String()]}
		var err1, err2, err3 error
		cmp.Key, err1 = bytesField(c, "key")
		cmp.End, err2 = bytesField(c, "range_end")
		cmp.Value, err3 = bytesField(c, "value")
		if err := firstError(err1, err2, err3); err != nil {
			return Request{}, err
		}
		switch cmp.Target {
		case CmpVersion:
			cmp.Number = field(c, "version").Int()
		case CmpCreate:
			cmp.Number = field(c, "create_revision").Int()
		case CmpMod:
			cmp.Number = field(c, "mod_revision").Int()
		case CmpLease:
			cmp.Number = field(c, "lease").Int()
		}
		r.Compare = append(r.Compare, cmp)
	}
	for _, branch := range []struct {
		name string
		ops  *[]Request
	}{{"success", &r.Success}, {"failure", &r.Failure}} {
		for _, op := range field(j, branch.name).Array() {
			var sub Request
			var err error
			switch {
			case field(op, "request_range").Exists():
				sub, err = gatewayRequest(Range, field(op, "request_range"))
			case field(op, "request_put").Exists():
				sub, err = gatewayRequest(Put, field(op, "request_put"))
			case field(op, "request_delete_range").Exists():
				sub, err = gatewayRequest(DeleteRange, field(op, "request_delete_range"))
			case field(op, "request_txn").Exists():
				sub, err = gatewayTxn(field(op, "request_txn"))
			default:
				err = ErrKeyNotFound
			}
			if err != nil {
				return Request{}, err
			}
			*branch.ops = append(*branch.ops, sub)
		}
	}
	return r, nil
}

// ErrKeyNotFound is etcd's refusal of a txn request that holds no request.
var ErrKeyNotFound = fmt.Errorf("etcdserver: key not found")

// GatewayAnswer is the gateway's JSON for the answer r.
func GatewayAnswer(h Header, r Response) string {
	j := &jsonObject{quoteInts: true}
	hj := &jsonObject{quoteInts: true}
	h.jsonFields(hj)
	j.raw("header", hj.String())
	switch r.Kind {
	case LeaseGrant:
		j.int("ID", r.ID)
		j.int("TTL", r.TTL)
	default:
		gatewayBody(j, r)
	}
	return j.String()
}

func gatewayBody(j *jsonObject, r Response) {
	kvs := func(kvs []KeyValue) string {
		parts := make([]string, len(kvs))
		for i, kv := range kvs {
			parts[i] = kvJSONWith(kv, true)
		}
		return "[" + strings.Join(parts, ",") + "]"
	}
	switch r.Kind {
	case Put:
		if len(r.PrevKVs) > 0 {
			j.raw("prev_kv", kvJSONWith(r.PrevKVs[0], true))
		}
	case Range:
		if len(r.KVs) > 0 {
			j.raw("kvs", kvs(r.KVs))
		}
		j.bool("more", r.More)
		j.int("count", r.Count)
	case DeleteRange:
		j.int("deleted", r.Deleted)
		if len(r.PrevKVs) > 0 {
			j.raw("prev_kvs", kvs(r.PrevKVs))
		}
	case Txn:
		j.bool("succeeded", r.Succeeded)
		var subs []string
		for _, sub := range r.Responses {
			o := &jsonObject{quoteInts: true}
			o.raw("header", fmt.Sprintf(`{"revision":"%d"}`, sub.Revision))
			gatewayBody(o, sub)
			subs = append(subs, fmt.Sprintf(`{%q:%s}`, gatewayResponseNames[sub.Kind], o.String()))
		}
		if len(subs) > 0 {
			j.raw("responses", "["+strings.Join(subs, ",")+"]")
		}
	}
}

var gatewayResponseNames = map[Kind]string{Range: "response_range", Put: "response_put", DeleteRange: "response_delete_range", Txn: "response_txn"}

// strconvInt writes an int64 as the gateway does: quoted.
func strconvInt(v int64, quote bool) string {
	s := strconv.FormatInt(v, 10)
	if quote {
		return strconv.Quote(s)
	}
	return s
}
