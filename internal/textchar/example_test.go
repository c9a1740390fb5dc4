package textchar_test

import (
	"fmt"

	"github.com/incident-leadership/portfolio/internal/textchar"
)

func ExampleVisible() {
	for _, r := range []rune{'A', ' ', '\u200b', '\U0001F692', '\U000E0001'} {
		fmt.Printf("%U %v\n", r, textchar.Visible(r))
	}
	// Output:
	// U+0041 true
	// U+0020 false
	// U+200B false
	// U+1F692 true
	// U+E0001 false
}

func ExampleControl() {
	fmt.Println(textchar.Control('\n'), textchar.Control('\u0085'), textchar.Control('\u00a0'))
	// Output: true true false
}
