package municipality

// CheckDigit returns the check digit of a 5-digit local-government code
// (2-digit prefecture code and 3-digit municipality code), as 総務省 defines
// it: for digits d1…d5, (11 − (6·d1 + 5·d2 + 4·d3 + 3·d4 + 2·d5) mod 11) mod 10.
// ok is false if code is not five ASCII digits.
func CheckDigit(code string) (digit int, ok bool) {
	if len(code) != 5 {
		return 0, false
	}
	sum := 0
	for i := 0; i < 5; i++ {
		c := code[i]
		if c < '0' || c > '9' {
			return 0, false
		}
		sum += int(c-'0') * (6 - i)
	}
	return (11 - sum%11) % 10, true
}

// ValidCode reports whether code is six ASCII digits whose last is the check
// digit of the first five.
func ValidCode(code string) bool {
	if len(code) != 6 {
		return false
	}
	d, ok := CheckDigit(code[:5])
	return ok && int(code[5]-'0') == d
}
