package dev.kiln.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A learned position table {@code weight} [length x dim] added to a sequence, as PyTorch's
 * {@code x + positions.weight} with {@code positions = nn.Embedding(length, dim)}: drawn from N(0, 1).
 * On a sequence only, usually right after the {@code @Embedding}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface PositionEmbedding {}
