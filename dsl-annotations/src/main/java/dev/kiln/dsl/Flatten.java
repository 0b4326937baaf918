package dev.kiln.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * {@code nn.Flatten()}: feature maps [C, H, W] become a vector of C·H·W features, in PyTorch's order.
 * No parameters, and no copy: a row of maps already is that vector. Comes before a {@code @Linear} that
 * reads maps; Kiln then infers the {@code @Linear}'s {@code in}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Flatten {}
