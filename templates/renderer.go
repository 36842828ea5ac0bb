package templates

// Renderer renders many units from one Set and keeps the first error, so a
// generator can render everything a page needs and check once, as with
// bufio.Scanner:
//
//	r := set.Renderer()
//	title := r.Text("spo.title", d)
//	intro := r.Text("spo.intro", d)
//	if err := r.Err(); err != nil {
//		return err
//	}
//
// A Renderer is not safe for concurrent use; make one per goroutine.
type Renderer struct {
	set *Set
	err error
}

// Renderer returns a new Renderer for s; a nil Set renders Default().
func (s *Set) Renderer() *Renderer {
	if s == nil {
		s = Default()
	}
	return &Renderer{set: s}
}

// Text renders the named unit as Set.Render does. On error it records the
// error and returns ""; once an error is recorded, Text renders nothing more
// and returns "", so no later text is built on a failed unit.
func (r *Renderer) Text(name string, data any) string {
	if r.err != nil {
		return ""
	}
	text, err := r.set.Render(name, data)
	if err != nil {
		r.err = err
		return ""
	}
	return text
}

// Err returns the first error Text met, or nil.
func (r *Renderer) Err() error {
	return r.err
}
