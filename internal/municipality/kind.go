package municipality

// Kind is the kind of a local government.
type Kind int

// The kinds, in the order a participants page lists them.
const (
	Prefecture     Kind = iota + 1 // 都道府県
	DesignatedCity                 // 政令市 (政令指定都市)
	City                           // 市 other than a 政令市
	SpecialWard                    // 特別区 (Tokyo's 23 wards)
	Town                           // 町
	Village                        // 村
)

// kindNames is read only.
var kindNames = [...]string{Prefecture: "都道府県", DesignatedCity: "政令市", City: "市", SpecialWard: "特別区", Town: "町", Village: "村"}

// Kinds returns every kind in display order.
func Kinds() []Kind {
	return []Kind{Prefecture, DesignatedCity, City, SpecialWard, Town, Village}
}

// String returns the Japanese name of k (都道府県, 政令市, 市, 特別区, 町, 村).
func (k Kind) String() string {
	if k < Prefecture || k > Village {
		return "?"
	}
	return kindNames[k]
}

// parseKind returns the Kind whose String is s.
func parseKind(s string) (Kind, bool) {
	for _, k := range Kinds() {
		if kindNames[k] == s {
			return k, true
		}
	}
	return 0, false
}
