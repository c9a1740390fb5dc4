package incident

import "time"

// Event is one entry of an incident's timeline: when something happened,
// what it was, and, optionally, what kind of step it was and the state
// the service was in from then on.
type Event struct {
	// At is when it happened: a date-time with its zone, such as 2023-03-14T13:42Z or 2023-03-14T14:42+01:00.
	At Date `json:"at"`
	// Text says what happened, such as "Paging alert for error rate fired".
	Text string `json:"text"`
	// Kind is the step in the incident's course: started, detected, escalated, mitigated or resolved.
	Kind EventKind `json:"kind,omitempty"`
	// State is the service's state from then on: down, degraded or recovered.
	State State `json:"state,omitempty"`
}

// EventKind is the step of an incident's course an event marks. An event
// without one is a note.
type EventKind string

// The kinds of event, in the order an incident runs through them.
const (
	// Started: the fault began, or its impact did.
	Started EventKind = "started"
	// Detected: a person or an alert noticed.
	Detected EventKind = "detected"
	// Escalated: more people, or a higher severity, were called in.
	Escalated EventKind = "escalated"
	// Mitigated: the impact ended, though the cause may remain.
	Mitigated EventKind = "mitigated"
	// Resolved: the incident was over.
	Resolved EventKind = "resolved"
)

var eventKinds = [...]label[EventKind]{
	{Started, "Started"},
	{Detected, "Detected"},
	{Escalated, "Escalated"},
	{Mitigated, "Mitigated"},
	{Resolved, "Resolved"},
}

// EventKinds returns the kinds of event, in course order.
func EventKinds() []EventKind { return keysOf(eventKinds[:]) }

// String returns the kind's label, such as "Detected".
func (k EventKind) String() string { return labelOf(eventKinds[:], k) }

// MarshalText returns the kind's key.
func (k EventKind) MarshalText() ([]byte, error) { return []byte(k), nil }

// UnmarshalText sets the kind from its key.
func (k *EventKind) UnmarshalText(b []byte) error { return parseKey(k, b, eventKinds[:], "event kind") }

// State is a service's state from an event on.
type State string

// The states of a service.
const (
	Down      State = "down"
	Degraded  State = "degraded"
	Recovered State = "recovered"
)

var states = [...]label[State]{
	{Down, "Down"},
	{Degraded, "Degraded"},
	{Recovered, "Recovered"},
}

// States returns the states of a service, worst first.
func States() []State { return keysOf(states[:]) }

// String returns the state's label, such as "Degraded".
func (s State) String() string { return labelOf(states[:], s) }

// MarshalText returns the state's key.
func (s State) MarshalText() ([]byte, error) { return []byte(s), nil }

// UnmarshalText sets the state from its key.
func (s *State) UnmarshalText(b []byte) error { return parseKey(s, b, states[:], "service state") }

// ImpactStart returns when the incident began, the point the times to
// detect, mitigate and resolve count from: the first timeline event of
// kind started; else the first whose state is down or degraded; else the
// start of When, when it is a date-time. ok is false when there is none
// of these.
func (in *Incident) ImpactStart() (start time.Time, ok bool) {
	d, ok := in.impactStart()
	if !ok {
		return time.Time{}, false
	}
	return d.Time()
}

// impactStart returns the date-time ImpactStart returns.
func (in *Incident) impactStart() (Date, bool) {
	e := in.firstEvent(func(e *Event) bool { return e.Kind == Started })
	if e == nil {
		e = in.firstEvent(func(e *Event) bool { return e.State == Down || e.State == Degraded })
	}
	if e != nil {
		return e.At, e.At.HasClock()
	}
	return in.When.Start, in.When.Start.HasClock()
}

// TimeToDetect returns the time from ImpactStart to the first event of
// kind detected. ok is false without both, or when detection comes first.
func (in *Incident) TimeToDetect() (d time.Duration, ok bool) { return in.timeTo(Detected) }

// TimeToMitigate returns the time from ImpactStart to the first event of
// kind mitigated. ok is false without both, or when mitigation comes
// first.
func (in *Incident) TimeToMitigate() (d time.Duration, ok bool) { return in.timeTo(Mitigated) }

// TimeToResolve returns the time from ImpactStart to the first event of
// kind resolved. ok is false without both, or when resolution comes
// first.
func (in *Incident) TimeToResolve() (d time.Duration, ok bool) { return in.timeTo(Resolved) }

func (in *Incident) timeTo(k EventKind) (time.Duration, bool) {
	start, ok := in.impactStart()
	if !ok {
		return 0, false
	}
	e := in.firstEvent(func(e *Event) bool { return e.Kind == k })
	if e == nil || !e.At.HasClock() {
		return 0, false
	}
	d := e.At.utc().Sub(start.utc())
	if d < 0 {
		return 0, false
	}
	return d, true
}

// utc returns the instant d names, which has a time of day, in UTC: as
// Time does, without the zone's location, which would allocate.
func (d Date) utc() time.Time {
	c := d.Clock
	return time.Date(d.Year, d.Month, d.Day, c.Hour, c.Minute, c.Second-c.Offset, c.Nanosecond, time.UTC)
}

func (in *Incident) firstEvent(match func(*Event) bool) *Event {
	for i := range in.Timeline {
		if match(&in.Timeline[i]) {
			return &in.Timeline[i]
		}
	}
	return nil
}
