package dev.kiln.processor.model;

import java.util.List;

/**
 * The shape of one example where it flows between layers: a vector of features, C x H x W feature
 * maps as PyTorch lays out NCHW, a token model's ids, or a sequence of positions, each a vector. Sizes are {@code long} and multiplied exactly, so that a declaration
 * too large for a Java array is found, never wrapped.
 */
public sealed interface Shape permits Shape.Features, Shape.Maps, Shape.Tokens, Shape.Sequence {
  /** The longest array HotSpot allocates; a tensor or a row of features beyond it cannot exist. */
  long MAX_ARRAY = Integer.MAX_VALUE - 8;

  /** The number of values of one example, exact; {@link Long#MAX_VALUE} if even a long overflows. */
  long size();

  /** The sizes of its dimensions, as PyTorch's {@code shape[1:]} lists them. */
  List<Long> dims();

  /** How the shape reads in messages and comments: {@code 10}, {@code 16 x 5 x 5}. */
  String text();

  static Shape features(long n) {
    return new Features(n, null);
  }

  /** {@code a · b}, or {@link Long#MAX_VALUE} when the product does not fit a long. */
  static long product(long a, long b) {
    try {
      return Math.multiplyExact(a, b);
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE;
    }
  }

  /**
   * A vector of {@code n} features; {@code flattened} is the maps a {@code @Flatten} made it from, or
   * null, so that messages can say where its size comes from.
   */
  record Features(long n, Maps flattened) implements Shape {
    @Override
    public long size() {
      return n;
    }

    @Override
    public List<Long> dims() {
      return List.of(n);
    }

    @Override
    public String text() {
      return Long.toString(n);
    }

    /** The size and, for flattened maps, what it is made of: {@code 400 = 16 x 5 x 5}. */
    public String origin() {
      return flattened == null ? text() : n + " = " + flattened.text();
    }
  }

  /** {@code channels} feature maps of {@code height x width}. */
  record Maps(long channels, long height, long width) implements Shape {
    @Override
    public long size() {
      return product(product(channels, height), width);
    }

    @Override
    public List<Long> dims() {
      return List.of(channels, height, width);
    }

    @Override
    public String text() {
      return channels + " x " + height + " x " + width;
    }
  }

  /** A token model's input: {@code length} ids in [0, vocabulary), one int each. */
  record Tokens(long length, long vocabulary) implements Shape {
    @Override
    public long size() {
      return length;
    }

    @Override
    public List<Long> dims() {
      return List.of(length);
    }

    @Override
    public String text() {
      return length + " tokens";
    }
  }

  /**
   * {@code length} positions of {@code dim} values, [length x dim] row-major as {@code batch_first}
   * lays a sequence out; {@code padded} when positions may hold a token model's padding, which attention
   * and pooling skip.
   */
  record Sequence(long length, long dim, boolean padded) implements Shape {
    @Override
    public long size() {
      return product(length, dim);
    }

    @Override
    public List<Long> dims() {
      return List.of(length, dim);
    }

    @Override
    public String text() {
      return length + " x " + dim;
    }
  }
}
