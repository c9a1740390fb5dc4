package diskfull_test

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/incident-leadership/portfolio/internal/diskfull"
)

// A shell writes 8 KiB under a limit of 2 blocks: the write fails, and at
// most 2 KiB reach the file.
func ExampleCommand() {
	dir, err := os.MkdirTemp("", "diskfull")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)
	cmd := diskfull.Command(2, "sh", "-c", `i=0; while [ $i -lt 8 ]; do printf '%1024s' x; i=$((i+1)); done > big`)
	cmd.Dir = dir
	err = cmd.Run()
	fi, _ := os.Stat(filepath.Join(dir, "big"))
	fmt.Println("failed:", err != nil)
	fmt.Println("at most 2 KiB written:", fi.Size() <= 2048)
	// Output:
	// failed: true
	// at most 2 KiB written: true
}
