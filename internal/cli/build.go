package cli

import (
	"context"
	"errors"
)

type buildCmd struct{ env Env }

func (c *buildCmd) Run(ctx context.Context, args []string) error {
	return errors.New("build: not implemented yet")
}
