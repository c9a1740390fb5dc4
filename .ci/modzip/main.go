// Command modzip packs a commit of this repository into a module zip exactly as the Go module proxy does
// (golang.org/x/mod/zip.CreateFromVCS), and lays it out as a GOPROXY directory, so CI can play a new user who
// runs `go get` against it.
//
// Usage:
//
//	go run ./modzip -repo DIR -rev HEAD -version v0.0.0 -proxy OUTDIR
//
// It fails, naming every offending path, when a tracked file breaks the module zip rules (names Windows
// reserves, paths that differ only in case, characters a module path may not hold, files too large). It prints
// the zip's size, its largest files and its size by top-level directory.
package main

import (
	"archive/zip"
	"bytes"
	"errors"
	"flag"
	"fmt"
	"log"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"golang.org/x/mod/module"
	modzip "golang.org/x/mod/zip"
)

const modPath = "github.com/incident-leadership/portfolio"

func main() {
	log.SetFlags(0)
	log.SetPrefix("modzip: ")
	repo := flag.String("repo", ".", "the repository's root")
	rev := flag.String("rev", "HEAD", "the revision to pack")
	version := flag.String("version", "v0.0.0", "the version to give the zip")
	proxy := flag.String("proxy", "", "write a GOPROXY directory here (`dir`); empty: only check")
	flag.Parse()
	if flag.NArg() != 0 || !strings.HasPrefix(*version, "v") {
		flag.Usage()
		os.Exit(2)
	}
	root, err := filepath.Abs(*repo)
	if err != nil {
		log.Fatal(err)
	}
	mv := module.Version{Path: modPath, Version: *version}
	var buf bytes.Buffer
	if err := modzip.CreateFromVCS(&buf, mv, root, *rev, ""); err != nil {
		var fe modzip.FileErrorList
		if errors.As(err, &fe) {
			for _, e := range fe {
				log.Printf("%s: %v", e.Path, e.Err)
			}
		}
		log.Fatalf("%s@%s does not pack as a module zip: %v", modPath, *rev, err)
	}
	report(buf.Bytes())
	if *proxy == "" {
		return
	}
	gomod, err := exec.Command("git", "-C", root, "show", *rev+":go.mod").Output()
	if err != nil {
		log.Fatalf("reading go.mod at %s: %v", *rev, err)
	}
	dir := filepath.Join(*proxy, filepath.FromSlash(modPath), "@v")
	if err := os.MkdirAll(dir, 0o777); err != nil {
		log.Fatal(err)
	}
	info := fmt.Sprintf("{\"Version\":%q,\"Time\":%q}\n", *version, time.Now().UTC().Format(time.RFC3339))
	files := map[string][]byte{
		"list":             []byte(*version + "\n"),
		*version + ".info": []byte(info),
		*version + ".mod":  gomod,
		*version + ".zip":  buf.Bytes(),
	}
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o666); err != nil {
			log.Fatal(err)
		}
	}
	fmt.Printf("proxy: %s\n", *proxy)
}

// report prints the zip's size, its size by top-level directory and its largest files.
func report(data []byte) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		log.Fatal(err)
	}
	type entry struct {
		name string
		size uint64
	}
	var files []entry
	byDir := map[string]uint64{}
	var total uint64
	for _, f := range zr.File {
		name := strings.TrimPrefix(f.Name, modPath+"@")
		name = name[strings.Index(name, "/")+1:]
		files = append(files, entry{name, f.UncompressedSize64})
		top, _, found := strings.Cut(name, "/")
		if !found {
			top = "(root files)"
		}
		byDir[top] += f.UncompressedSize64
		total += f.UncompressedSize64
	}
	fmt.Printf("module zip: %d files, %.1f KiB packed, %.1f KiB unpacked\n",
		len(files), float64(len(data))/1024, float64(total)/1024)
	var dirs []string
	for d := range byDir {
		dirs = append(dirs, d)
	}
	sort.Slice(dirs, func(i, j int) bool { return byDir[dirs[i]] > byDir[dirs[j]] })
	for _, d := range dirs {
		fmt.Printf("  %8.1f KiB  %s\n", float64(byDir[d])/1024, d)
	}
	sort.Slice(files, func(i, j int) bool { return files[i].size > files[j].size })
	fmt.Println("largest files:")
	for _, f := range files[:min(10, len(files))] {
		fmt.Printf("  %8.1f KiB  %s\n", float64(f.size)/1024, f.name)
	}
}
