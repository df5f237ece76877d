package municipality

// Region returns the region of a prefecture by its JIS X 0401 code (1–47):
// 北海道・東北, 関東, 中部, 近畿, 中国・四国 or 九州・沖縄, the common
// eight-region division with 中国 and 四国, and 九州 and 沖縄, joined. 三重県
// is in 近畿. It returns "" for any other code.
func Region(prefCode int) string {
	switch {
	case prefCode >= 1 && prefCode <= 7:
		return "北海道・東北"
	case prefCode <= 14 && prefCode >= 8:
		return "関東"
	case prefCode <= 23 && prefCode >= 15:
		return "中部"
	case prefCode <= 30 && prefCode >= 24:
		return "近畿"
	case prefCode <= 39 && prefCode >= 31:
		return "中国・四国"
	case prefCode <= 47 && prefCode >= 40:
		return "九州・沖縄"
	}
	return ""
}
