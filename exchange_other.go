//go:build !linux

package spokit

// exchange reports that this system cannot swap two folders in one step.
func exchange(a, b string) error { return errNoExchange }
