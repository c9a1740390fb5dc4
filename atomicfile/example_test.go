package atomicfile_test

import (
	"fmt"
	"log"
	"os"
	"path/filepath"

	"github.com/incident-leadership/portfolio/atomicfile"
)

// Write replaces a file whole, and leaves alone one that already holds the
// bytes.
func ExampleWrite() {
	dir, err := os.MkdirTemp("", "atomicfile")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	name := filepath.Join(dir, "resume.json")

	for _, data := range []string{`{"basics":{}}`, `{"basics":{}}`, `{"basics":{"name":"Ada"}}`} {
		changed, err := atomicfile.Write(name, []byte(data))
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println("changed:", changed)
	}
	got, _ := os.ReadFile(name)
	fmt.Println(string(got))

	// A directory, a device or a pipe is neither read nor replaced.
	_, err = atomicfile.Write(dir, []byte("x"))
	fmt.Println(err == nil)
	// Output:
	// changed: true
	// changed: false
	// changed: true
	// {"basics":{"name":"Ada"}}
	// false
}
