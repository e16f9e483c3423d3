package main

import (
	"errors"

	"github.com/spf13/cobra"
)

// Placeholder: replaced by the real command.
func newReplayCmd() *cobra.Command {
	return &cobra.Command{Use: "replay", RunE: func(*cobra.Command, []string) error { return errors.New("replay: not built yet") }}
}
