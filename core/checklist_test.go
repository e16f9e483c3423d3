package core

import (
	"reflect"
	"testing"
)

func TestChecklistChanges(t *testing.T) {
	before := "x\n- [ ] **1.** a <!-- k:aaaaaaaaaaaa -->\n- [x] **2.** b <!-- k:bbbbbbbbbbbb -->\n- [ ] c <!-- k:cccccccccccc -->\n"
	after := "x\n- [x] **1.** a <!-- k:aaaaaaaaaaaa -->\r\n- [ ] **2.** b <!-- k:bbbbbbbbbbbb -->\n- [ ] c <!-- k:cccccccccccc -->\n- [x] added by hand <!-- k:dddddddddddd -->\n  - [x] nested <!-- k:eeeeeeeeeeee -->\n"
	got := ChecklistChanges(before, after)
	want := []CheckChange{{Key: "aaaaaaaaaaaa", Checked: true}, {Key: "bbbbbbbbbbbb", Checked: false}}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("changes = %+v, want %+v", got, want)
	}
}
