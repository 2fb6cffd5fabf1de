/* SPDX-License-Identifier: MIT */
/*
 * fold_index.h -- the words of the document's fold, found once a document,
 * and which cue classes of the lexicon each one starts: the sentence rules
 * ask whether a sentence holds any stem of a word class ("did not happen",
 * "left the council", ...) for every sentence, and strstr over the sentence
 * for each stem of the class cost more than all the rest of most rules.
 *
 * fi_words is built with the document's fold (lt_text_init) and freed with
 * it.  The owner of a piece of the fold (a sentence's fold, copied from the
 * document's by ex_fold_open) opens an index on it (fi_open) for as long as
 * the piece lives and closes it (fi_close) before freeing it; indexes nest,
 * one list a thread.  fi_cues answers for the innermost piece, from the
 * words' classes, without reading the piece again.  An index allocates
 * nothing.
 */
#ifndef COUNCIL_FOLD_INDEX_H
#define COUNCIL_FOLD_INDEX_H

#include <stddef.h>
#include <stdint.h>

/* The cue classes: each a word class of lexicon.def whose folded stems a
 * rule looks for at a word's start (ex_has_any_stem's question).  A bit
 * each; a rule row of the sentence runner names the ones it needs. */
enum {
	FI_NOT_HAPPENED = 1u << 0,  /* @not_happened (ex_not_happened) */
	FI_MEMBER_LEFT = 1u << 1,   /* @member_left */
	FI_MEMBER_INSTEAD = 1u << 2, /* @member_instead */
	FI_MEMBER_JOINED = 1u << 3, /* @member_joined */
	FI_MEMBER_ENTERS = 1u << 4, /* @member_enters */
	FI_MEMBER_CHANGE = 1u << 5, /* ex_member_change_stems (extract_members.c) */
	FI_N_CUES = 6
};

/* The words of a folded text: where a letter a-z follows the text's start
 * or a byte that is no ASCII letter or digit, ascending, and the cue
 * classes a stem of which starts there. */
typedef struct fi_words {
	uint32_t *pos;   /* owned: word starts, ascending */
	uint8_t *cues;   /* owned: cues[i], the classes starting at pos[i] */
	size_t n;
} fi_words;

/* w for fold[0, len) (NUL-terminated); 0, or -1 out of memory. */
int fi_words_init(fi_words *w, const char *fold, size_t len);
void fi_words_free(fi_words *w);

/* A piece of a folded text in use: text holds fold[a, b), NUL-terminated. */
typedef struct fi_index {
	const char *text;      /* the piece (not owned) */
	const fi_words *w;     /* the whole text's words; NULL: no answers */
	uint32_t a, b;         /* the piece's place in the whole text */
	int known;             /* cues is set */
	uint32_t cues;         /* the classes starting a word of the piece */
	struct fi_index *prev; /* the index open before this one on the thread */
} fi_index;

/* Opens ix on text = fold[a, b) of the text w indexes (w NULL when text is
 * no such copy) as the thread's innermost index. */
void fi_open(fi_index *ix, const char *text, const fi_words *w, size_t a, size_t b);
/* Closes ix, the innermost index, giving the one before it back. */
void fi_close(fi_index *ix);
/* When folded is the innermost open index's piece: the cue classes a stem
 * of which starts a word of it (at its start or after a byte that is no
 * ASCII letter or digit) -- bit FI_X set exactly when ex_has_any_stem(folded,
 * class X's stems) would say 1.  Else (another text, no index) every bit. */
uint32_t fi_cues(const char *folded);
/* The cue classes a sentence rule (by id) needs one of to find anything
 * (the runner passes over it in a sentence without them); 0: it reads
 * every sentence. */
uint32_t fi_rule_cues(const char *rule_id);
/* The folded stems of cue class bit (FI_NOT_HAPPENED ...), NULL-terminated. */
const char *const *fi_cue_stems(uint32_t bit);

#endif
