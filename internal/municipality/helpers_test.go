package municipality

// Test helpers: what the tests read of a table that the site does not.

// regions returns the six regions in north-to-south order.
func regions() []string {
	return []string{"北海道・東北", "関東", "中部", "近畿", "中国・四国", "九州・沖縄"}
}

// everyEntity returns every local government in code order: each prefecture
// followed by its municipalities.
func (t *Table) everyEntity() []Entity {
	return append([]Entity(nil), t.all...)
}
