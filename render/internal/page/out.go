package page

import (
	"bufio"
	"bytes"
	"io"
	"strconv"
)

// stringWriter is what the renderers write to: *bytes.Buffer and
// *bufio.Writer are used as they are.
type stringWriter interface {
	io.Writer
	io.StringWriter
	io.ByteWriter
}

// Spare writes to the user's writer by appending to B, the spare room
// of the *bytes.Buffer or *bufio.Writer it writes to (or of the buffer
// it puts around any other writer), and hands B over (a copy onto
// itself) only when it is full and at the end; so writing is an append,
// with no call through an interface. It keeps the first error, and after
// an error it writes nothing more.
type Spare struct {
	B        []byte // written but not yet handed over
	w        stringWriter
	buffered *bufio.Writer // the buffer Spare puts around any other writer
	err      error
}

func NewSpare(w io.Writer) Spare {
	var o Spare
	switch w := w.(type) {
	case *bytes.Buffer:
		o.w = w
	case *bufio.Writer:
		o.w = w
	default:
		o.buffered = bufio.NewWriterSize(w, 16<<10)
		o.w = o.buffered
	}
	o.B = o.room()
	return o
}

// room returns the spare room of the writer's buffer.
func (o *Spare) room() []byte {
	switch w := o.w.(type) {
	case *bytes.Buffer:
		return w.AvailableBuffer()
	case *bufio.Writer:
		return w.AvailableBuffer()
	}
	return nil
}

// Flush hands B over and makes room for need more bytes, or less when the
// buffer is smaller: the callers check.
func (o *Spare) Flush(need int) {
	o.handOver()
	if o.err != nil {
		return // keep appending to the same room, for nothing
	}
	switch w := o.w.(type) {
	case *bytes.Buffer:
		w.Grow(max(need, 4<<10))
	case *bufio.Writer:
		if w.Available() < need {
			o.err = w.Flush()
		}
	}
	o.B = o.room()
}

// handOver writes B to the writer it is the spare room of.
func (o *Spare) handOver() {
	if o.err == nil && len(o.B) > 0 {
		_, o.err = o.w.Write(o.B)
	}
	o.B = o.B[:0]
}

// Writer returns the writer o writes to: the user's, or the buffer o
// puts around it.
func (o *Spare) Writer() io.Writer { return o.w }

// Finish hands B over, flushes o's own buffer and returns the first error.
func (o *Spare) Finish() error {
	o.handOver()
	if o.buffered != nil && o.err == nil {
		o.err = o.buffered.Flush()
	}
	return o.err
}

func (o *Spare) Str(s string) {
	if len(s) <= cap(o.B)-len(o.B) {
		o.B = append(o.B, s...)
		return
	}
	o.strSlow(s)
}

func (o *Spare) strSlow(s string) {
	o.Flush(len(s))
	if len(s) <= cap(o.B)-len(o.B) {
		o.B = append(o.B, s...)
		return
	}
	if o.err == nil { // longer than the buffer: write it as it is
		_, o.err = o.w.WriteString(s)
	}
	o.B = o.room()
}

func (o *Spare) Byte(c byte) {
	if len(o.B) < cap(o.B) {
		o.B = append(o.B, c)
		return
	}
	o.byteSlow(c)
}

func (o *Spare) byteSlow(c byte) {
	o.Flush(1)
	if len(o.B) < cap(o.B) {
		o.B = append(o.B, c)
		return
	}
	if o.err == nil { // no buffer: write it as it is
		o.err = o.w.WriteByte(c)
	}
	o.B = o.room()
}

// Int writes n in decimal.
func (o *Spare) Int(n int) {
	var buf [20]byte
	o.Raw(strconv.AppendInt(buf[:0], int64(n), 10))
}

// Raw writes a few bytes, such as a number formatted into an array on
// the caller's stack, without letting them escape.
func (o *Spare) Raw(b []byte) {
	if len(b) <= cap(o.B)-len(o.B) {
		o.B = append(o.B, b...)
		return
	}
	for _, c := range b {
		o.Byte(c)
	}
}
