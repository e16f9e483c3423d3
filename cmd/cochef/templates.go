package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// Placeholder: replaced by the real command.
func newTemplatesCmd() *cobra.Command {
	return &cobra.Command{Use: "templates", RunE: func(*cobra.Command, []string) error { return errors.New("templates: not built yet") }}
}
