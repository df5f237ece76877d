package survey

import (
	"errors"
	"math"
	"math/big"
	"regexp"
	"strings"
)

// Decimal is a number as the results print it, for example "3.85" or
// "-2". It is written to JSON as a number. The zero Decimal ("") is no
// value and is left out.
type Decimal string

// MarshalJSON writes d as a JSON number.
func (d Decimal) MarshalJSON() ([]byte, error) {
	if d == "" {
		return []byte("null"), nil
	}
	return []byte(d), nil
}

// String returns d as written.
func (d Decimal) String() string { return string(d) }

// roundRat rounds r half away from zero to places decimals and writes it
// with exactly that many decimals ("3.50"). It is exact: r is a rational.
func roundRat(r *big.Rat, places int) Decimal {
	scale := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(places)), nil)
	num := new(big.Int).Mul(r.Num(), scale)
	den := r.Denom()
	neg := num.Sign() < 0
	num.Abs(num)
	// floor((2·num + den) / (2·den)) is num/den rounded half up.
	q := new(big.Int).Mul(num, big.NewInt(2))
	q.Add(q, den)
	q.Quo(q, new(big.Int).Mul(den, big.NewInt(2)))
	s := q.String()
	if places > 0 {
		if len(s) <= places {
			s = strings.Repeat("0", places-len(s)+1) + s
		}
		s = s[:len(s)-places] + "." + s[len(s)-places:]
	}
	if neg && strings.Trim(s, "0.") != "" {
		s = "-" + s
	}
	return Decimal(s)
}

// trimDecimal rounds r half away from zero to places decimals and drops
// trailing zeros: 2.50 is "2.5", 3.00 is "3".
func trimDecimal(r *big.Rat, places int) Decimal {
	s := string(roundRat(r, places))
	if strings.Contains(s, ".") {
		s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	}
	return Decimal(s)
}

// roundFloat rounds a non-negative float to places decimals (half away from
// zero), for values that have no exact form (a standard deviation).
func roundFloat(f float64, places int) Decimal {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return ""
	}
	r := new(big.Rat)
	r.SetFloat64(f)
	return roundRat(r, places)
}

// numberRE is a plain decimal number after NFKC: an optional sign, digits
// with or without thousands separators, an optional fraction.
var numberRE = regexp.MustCompile(`^[+-]?(\d+|\d{1,3}(,\d{3})+)(\.\d+)?$`)

// parseNumber reads a number as respondents and exports write it: NFKC
// first (full-width digits, ．), then the unit removed from the end (and
// white space), then thousands separators. It returns the number without
// separators, as the key it is counted under, and its value.
func parseNumber(cell, unit string) (string, *big.Rat, bool) {
	s := strings.Replace(normLabel(cell), "−", "-", 1) // U+2212 minus sign
	if u := normLabel(unit); u != "" {
		s = strings.TrimSpace(strings.TrimSuffix(s, u))
	}
	if !numberRE.MatchString(s) {
		return "", nil, false
	}
	s = strings.ReplaceAll(strings.TrimPrefix(s, "+"), ",", "")
	r, ok := new(big.Rat).SetString(s)
	if !ok {
		return "", nil, false
	}
	return s, r, true
}

// parseBins reads a codebook's bins: ascending lower bounds separated by
// commas (or semicolons when a bound has thousands separators).
func parseBins(s string) ([]Decimal, error) {
	sep := ","
	if strings.Contains(s, ";") {
		sep = ";"
	}
	var out []Decimal
	var prev *big.Rat
	for _, f := range strings.Split(s, sep) {
		key, r, ok := parseNumber(f, "")
		if !ok {
			return nil, errors.New(strings.TrimSpace(f) + " is not a number")
		}
		if prev != nil && r.Cmp(prev) <= 0 {
			return nil, errors.New("the bounds are not in ascending order")
		}
		prev = r
		out = append(out, Decimal(key))
	}
	return out, nil
}

// mustBins is parseBins for a value known to be valid, or nil.
func mustBins(s string) []Decimal {
	b, _ := parseBins(s)
	return b
}

func decimalStrings(ds []Decimal) []string {
	out := make([]string, len(ds))
	for i, d := range ds {
		out[i] = string(d)
	}
	return out
}

// rat returns the value of a Decimal that was made by this package.
func (d Decimal) rat() *big.Rat {
	r, _ := new(big.Rat).SetString(string(d))
	return r
}

// roundTenths returns 1000·num/den in tenths, rounded half away from zero:
// a percentage or score with one decimal from integers.
func roundTenths(num, den int) Tenths {
	if den <= 0 {
		return 0
	}
	neg := num < 0
	if neg {
		num = -num
	}
	t := Tenths((2000*int64(num) + int64(den)) / (2 * int64(den)))
	if neg {
		t = -t
	}
	return t
}
