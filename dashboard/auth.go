package dashboard

import (
	"crypto/sha256"
	"crypto/subtle"
	"errors"
	"fmt"
	"net/http"
	"strings"
)

// The dashboard shows private repositories' stories: every request proves
// who sends it, in one of three ways, and there is no "open" way.

// Auth modes.
const (
	// AuthHeader trusts a header set by an authenticating reverse proxy
	// (oauth2-proxy, Authelia, a company SSO): the proxy must remove that
	// header from what clients send (docs/operations.md).
	AuthHeader = "header"
	// AuthBearer asks for "Authorization: Bearer <token>".
	AuthBearer = "bearer"
	// AuthBasic asks for HTTP Basic credentials (a browser prompts).
	AuthBasic = "basic"
)

// Auth is how requests prove who sends them.
type Auth struct {
	Mode string
	// Header names the trusted header (AuthHeader).
	Header string
	// Token is the bearer token (AuthBearer).
	Token string
	// User and Password are the Basic credentials (AuthBasic).
	User, Password string
}

// Validate says what is missing; the configuration checks the same before
// the server starts, naming the settings.
func (a Auth) Validate() error {
	switch a.Mode {
	case AuthHeader:
		if strings.TrimSpace(a.Header) == "" {
			return errors.New("dashboard: header authentication without a header name")
		}
	case AuthBearer:
		if a.Token == "" {
			return errors.New("dashboard: bearer authentication without a token")
		}
	case AuthBasic:
		if a.User == "" || a.Password == "" {
			return errors.New("dashboard: basic authentication without a user and a password")
		}
	default:
		return fmt.Errorf("dashboard: authentication %q unknown (header, bearer or basic)", a.Mode)
	}
	return nil
}

// refusal is why a request was refused: its status, the challenge that
// goes with a 401, and the reason logged (never the credential sent).
type refusal struct {
	status    int
	challenge string
	reason    string
}

// check returns who sent r, or why it is refused.
func (a Auth) check(r *http.Request) (string, *refusal) {
	switch a.Mode {
	case AuthHeader:
		who := strings.TrimSpace(r.Header.Get(a.Header))
		if who == "" {
			// Without the header the request did not come through the
			// proxy: no credential here would help.
			return "", &refusal{status: http.StatusForbidden, reason: "trusted header missing"}
		}
		return who, nil
	case AuthBearer:
		const challenge = `Bearer realm="cochef"`
		h := r.Header.Get("Authorization")
		scheme, token, ok := strings.Cut(h, " ")
		if h == "" {
			return "", &refusal{status: http.StatusUnauthorized, challenge: challenge, reason: "no credentials"}
		}
		if !ok || !strings.EqualFold(scheme, "Bearer") || !equal(strings.TrimSpace(token), a.Token) {
			return "", &refusal{status: http.StatusUnauthorized, challenge: challenge + `, error="invalid_token"`, reason: "wrong bearer token"}
		}
		return "bearer", nil
	case AuthBasic:
		const challenge = `Basic realm="cochef", charset="UTF-8"`
		user, pass, ok := r.BasicAuth()
		if !ok {
			return "", &refusal{status: http.StatusUnauthorized, challenge: challenge, reason: "no credentials"}
		}
		// Both compared every time, so the time taken does not tell
		// which one was wrong.
		userOK, passOK := equal(user, a.User), equal(pass, a.Password)
		if !userOK || !passOK {
			return "", &refusal{status: http.StatusUnauthorized, challenge: challenge, reason: "wrong basic credentials"}
		}
		return user, nil
	}
	return "", &refusal{status: http.StatusForbidden, reason: "authentication not configured"}
}

// equal compares in constant time; hashing first hides the lengths too.
func equal(got, want string) bool {
	g, w := sha256.Sum256([]byte(got)), sha256.Sum256([]byte(want))
	return subtle.ConstantTimeCompare(g[:], w[:]) == 1
}
