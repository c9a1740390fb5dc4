//go:build unix

package atomicfile

import (
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/incident-leadership/portfolio/internal/interrupt"
)

// stallEnv names, in the environment of this test binary run again by
// TestInterrupt, the file it writes with the stall on; ignoreEnv, when
// set, makes it ignore SIGINT first.
const (
	stallEnv  = "ATOMICFILE_TEST_STALL"
	ignoreEnv = "ATOMICFILE_TEST_IGNORE_SIGINT"
)

// midWriteEnv names, in the environment of this test binary run again by
// TestInterruptMidWrite, the file it writes with a temporary file whose
// Write goes on once the signal has removed it, as a long write does.
const midWriteEnv = "ATOMICFILE_TEST_MIDWRITE"

// outliving is a temporary file whose Write writes its bytes, then waits
// until the file is gone (removed by the signal) and returns, as a write
// of many megabytes that a signal interrupts returns afterwards.
type outliving struct{ *os.File }

func (f outliving) Write(p []byte) (int, error) {
	n, err := f.File.Write(p)
	for {
		if _, serr := os.Stat(f.Name()); serr != nil {
			return n, err
		}
		time.Sleep(time.Millisecond)
	}
}

func TestMain(m *testing.M) {
	if name := os.Getenv(midWriteEnv); name != "" {
		createTemp = func(dir, base string) (tempFile, error) {
			f, err := create(dir, base)
			return outliving{f}, err
		}
		_, err := Write(name, []byte("new content"))
		fmt.Fprintf(os.Stderr, "Write returned: %v\n", err)
		os.Exit(3)
	}
	if name := os.Getenv(stallEnv); name != "" {
		if os.Getenv(ignoreEnv) != "" {
			signal.Ignore(syscall.SIGINT)
		}
		testStall = "on"
		_, err := Write(name, []byte("new content"))
		fmt.Fprintf(os.Stderr, "Write returned: %v\n", err)
		os.Exit(3)
	}
	os.Exit(m.Run())
}

// TestInterrupt interrupts a Write that stalls once the temporary file
// holds its bytes: the temporary file goes, the old file stays as it was,
// and the process dies of the signal, as it would have without Write. A
// process that ignores SIGINT goes on ignoring it.
func TestInterrupt(t *testing.T) {
	for _, tc := range []struct {
		name   string
		ignore bool
		sigs   []syscall.Signal
	}{
		{"SIGINT", false, []syscall.Signal{syscall.SIGINT}},
		{"SIGTERM", false, []syscall.Signal{syscall.SIGTERM}},
		{"SIGHUP", false, []syscall.Signal{syscall.SIGHUP}},
		{"SIGINT ignored", true, []syscall.Signal{syscall.SIGINT, syscall.SIGTERM}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			name := filepath.Join(dir, "out.json")
			if err := os.WriteFile(name, []byte("old content"), 0o644); err != nil {
				t.Fatal(err)
			}
			cmd := exec.Command(os.Args[0], "-test.run=^$")
			cmd.Env = append(os.Environ(), stallEnv+"="+name)
			if tc.ignore {
				cmd.Env = append(cmd.Env, ignoreEnv+"=1")
			}
			interrupt.Check(t, cmd, dir, tc.sigs...)
			if got, err := os.ReadFile(name); err != nil || string(got) != "old content" {
				t.Errorf("out.json holds %q (%v), want the old content", got, err)
			}
		})
	}
}

// TestInterruptMidWrite interrupts a Write that goes on after the signal,
// as a long write does (the stall of TestInterrupt never returns): the
// process must still die of the signal, not live on to see Write fail and
// exit with a status of its own.
func TestInterruptMidWrite(t *testing.T) {
	for i := range 5 {
		dir := t.TempDir()
		name := filepath.Join(dir, "out.json")
		if err := os.WriteFile(name, []byte("old content"), 0o644); err != nil {
			t.Fatal(err)
		}
		cmd := exec.Command(os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), midWriteEnv+"="+name)
		interrupt.Check(t, cmd, dir, syscall.SIGINT)
		if got, err := os.ReadFile(name); err != nil || string(got) != "old content" {
			t.Errorf("run %d: out.json holds %q (%v), want the old content", i, got, err)
		}
	}
}

// umask sets the process's umask for the rest of the test. It is process
// wide: no test of this package runs in parallel.
func umask(t *testing.T, mask int) {
	old := syscall.Umask(mask)
	t.Cleanup(func() { syscall.Umask(old) })
}

// TestUmask: a new file gets 0666 less the umask, as every Unix tool's
// does; a replaced one keeps its mode, whatever the umask.
func TestUmask(t *testing.T) {
	for _, tc := range []struct {
		mask int
		old  os.FileMode // 0: no file there
		want os.FileMode
	}{
		{0o077, 0, 0o600},
		{0o022, 0, 0o644},
		{0o002, 0, 0o664},
		{0o077, 0o644, 0o644},
		{0o022, 0o600, 0o600},
		{0o022, 0o755, 0o755},
	} {
		umask(t, tc.mask)
		name := filepath.Join(t.TempDir(), "out.json")
		if tc.old != 0 {
			if err := os.WriteFile(name, []byte("old"), 0o600); err != nil {
				t.Fatal(err)
			}
			if err := os.Chmod(name, tc.old); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := Write(name, []byte("new")); err != nil {
			t.Fatal(err)
		}
		if fi, err := os.Stat(name); err != nil || fi.Mode().Perm() != tc.want {
			t.Errorf("umask %03o, old mode %v: mode %v (%v), want %v", tc.mask, tc.old, fi.Mode().Perm(), err, tc.want)
		}
	}
}

// TestKeepsOwner: root replacing someone else's file leaves it theirs.
func TestKeepsOwner(t *testing.T) {
	if os.Geteuid() != 0 {
		msg := "giving a file to another owner needs root"
		if os.Getenv("CI") != "" {
			t.Fatal(msg + ", and CI must run this test")
		}
		t.Skip(msg)
	}
	name := filepath.Join(t.TempDir(), "resume.json")
	if err := os.WriteFile(name, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	const uid, gid = 4242, 4343
	if err := os.Chown(name, uid, gid); err != nil {
		t.Fatal(err)
	}
	if _, err := Write(name, []byte("new")); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(name)
	if err != nil {
		t.Fatal(err)
	}
	st := fi.Sys().(*syscall.Stat_t)
	if st.Uid != uid || st.Gid != gid || fi.Mode().Perm() != 0o600 {
		t.Errorf("replaced file is %d:%d %v, want %d:%d -rw-------", st.Uid, st.Gid, fi.Mode().Perm(), uid, gid)
	}
}

// blocking is a temporary file whose Write waits until release is closed.
type blocking struct {
	*os.File
	writing, release chan struct{}
}

func (f *blocking) Write(p []byte) (int, error) {
	close(f.writing)
	<-f.release
	return f.File.Write(p)
}

// TestInterruptHandled: in a program that handles SIGINT itself, a SIGINT
// during a Write removes the temporary file, reaches the program (twice:
// Write sends it again) and makes Write fail, saying why; the process
// lives on, and the old file stays as it was.
func TestInterruptHandled(t *testing.T) {
	own := make(chan os.Signal, 2)
	signal.Notify(own, syscall.SIGINT)
	defer signal.Stop(own)
	dir := t.TempDir()
	name := filepath.Join(dir, "out.json")
	if err := os.WriteFile(name, []byte("old content"), 0o644); err != nil {
		t.Fatal(err)
	}
	f := &blocking{writing: make(chan struct{}), release: make(chan struct{})}
	defer func(orig func(string, string) (tempFile, error)) { createTemp = orig }(createTemp)
	createTemp = func(dir, base string) (tempFile, error) {
		var err error
		f.File, err = create(dir, base)
		return f, err
	}
	done := make(chan error, 1)
	go func() {
		_, err := Write(name, []byte("new content"))
		done <- err
	}()
	<-f.writing
	if err := syscall.Kill(syscall.Getpid(), syscall.SIGINT); err != nil {
		t.Fatal(err)
	}
	for i := range 2 {
		select {
		case <-own:
		case <-time.After(10 * time.Second):
			t.Fatalf("the program received SIGINT %d times, want 2", i)
		}
	}
	close(f.release)
	if err := <-done; err == nil || err.Error() != "write "+name+": interrupted by a signal" {
		t.Errorf("Write: %v, want it interrupted", err)
	}
	if got, err := os.ReadFile(name); err != nil || string(got) != "old content" {
		t.Errorf("out.json holds %q (%v), want the old content", got, err)
	}
	if names := dirNames(t, dir); len(names) != 1 {
		t.Errorf("directory holds %v, want only out.json", names)
	}
}
