package realclient

// ResetSkips forgets the recorded skips, so a test that skips on purpose
// does not appear in the summary.
func ResetSkips() {
	skips.Lock()
	skips.tests, skips.tools = nil, nil
	skips.Unlock()
}
