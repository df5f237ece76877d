// Package chart draws survey charts in Japanese.
package chart
