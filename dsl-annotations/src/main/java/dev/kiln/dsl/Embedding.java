package dev.kiln.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * {@code nn.Embedding(vocabulary, dim, padding_idx)}: each token id of a token model's
 * {@code @Input(tokens, vocabulary)} becomes its row of a learned table {@code weight} [vocabulary x dim],
 * drawn from N(0, 1) with the padding row zero. The output is a sequence [tokens x dim]. Positions holding
 * {@code paddingIndex} are not attended to by later attention and not pooled, and its row never receives a
 * gradient. The first member of every token model, and only there.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Embedding {
  /** Marks an embedding without a padding token. */
  int NO_PADDING = -1;

  /** Values per token; at least 1. */
  int dim();

  /** The token id that marks padding, in [0, vocabulary); {@link #NO_PADDING} for none. */
  int paddingIndex() default NO_PADDING;
}
