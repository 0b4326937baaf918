package dev.kiln.dsl;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * 2-D max pooling with a square window, as PyTorch's {@code nn.MaxPool2d}: padding counts as -∞, and
 * the gradient goes to the first maximum of each window.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface MaxPool2d {
  /** Marks {@link #stride()} as not given: it is then the kernel size, as in PyTorch. */
  int KERNEL = 0;
  /** The window's height and width. */
  int kernel();
  int stride() default KERNEL;
  /** -∞ added on every side; at most half the kernel. */
  int padding() default 0;
  int dilation() default 1;
  /** Whether a last, partial window counts when it starts inside the input or its left padding. */
  boolean ceilMode() default false;
}
