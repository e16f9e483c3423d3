package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// Placeholder: replaced by the real command.
func newCheckCmd() *cobra.Command {
	return &cobra.Command{Use: "check", RunE: func(*cobra.Command, []string) error { return errors.New("check: not built yet") }}
}
