// Command cochef checks user stories and keeps their feedback current on
// GitHub and GitLab. See README.md.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/cochef/cochef/internal/version"
)

// exitError carries an exit code through cobra: 1 means "not ready" for
// check, 2 a usage or input error.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string {
	if e.err == nil {
		return ""
	}
	return e.err.Error()
}
func (e *exitError) Unwrap() error { return e.err }

func usageErr(format string, args ...any) error {
	return &exitError{code: 2, err: fmt.Errorf(format, args...)}
}

func newRootCmd(stdin io.Reader, stdout, stderr io.Writer) *cobra.Command {
	root := &cobra.Command{
		Use:           "cochef",
		Short:         "Assistant du co-chef de produit : récits prêts à construire et à recetter",
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	// --version prints what "cochef version" prints (cobra's template
	// syntax: the text holds no braces).
	root.Version = version.Get().Version
	root.SetVersionTemplate(versionText(version.Get()))
	root.SetIn(stdin)
	root.SetOut(stdout)
	root.SetErr(stderr)
	root.AddCommand(
		newCheckCmd(),
		newTemplatesCmd(),
		newServeCmd(),
		newReplayCmd(),
		newAuditCmd(),
		newBackfillCmd(),
		newRecetteCmd(),
		newVersionCmd(),
	)
	return root
}

func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	root := newRootCmd(stdin, stdout, stderr)
	root.SetArgs(args)
	err := root.ExecuteContext(ctx)
	if err == nil {
		return 0
	}
	var ee *exitError
	if errors.As(err, &ee) {
		if ee.err != nil {
			fmt.Fprintln(stderr, "cochef:", ee.err)
		}
		return ee.code
	}
	// Cobra's own errors (unknown flag, bad arguments) are usage errors.
	fmt.Fprintln(stderr, "cochef:", err)
	return 2
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
