package dev.kiln.runtime.kernel;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The one place that decides the Vector API kernels' float species and the width of their register
 * tiles, for every family (Linear products, convolutions, normalizations). Loaded only where the Vector
 * API kernels were chosen.
 *
 * <p>Wide tiles (8 rows by 3 vectors in the matrix product, 4 by 3 and 3 by 4 in the convolutions'
 * shifted products) need more than 16 vector registers: they are the default on machines with 16 float
 * lanes (AVX-512, 32 registers) and the narrow ones elsewhere (AVX2, 16 registers). {@value #TILES}
 * set to {@code narrow} or {@code wide} forces one or the other, so that one machine's tests run both
 * paths: wide tiles on an 8-lane machine are slower (they spill), never wrong.
 */
public final class VectorShape {
  /** {@code narrow}, {@code wide} or {@code auto} (the default): which register tiles the kernels use. */
  public static final String TILES = "kiln.tiles";

  /** The preferred species, at most 512 bits: {@link LaneSums} adds up to 16 lanes. */
  public static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_PREFERRED.vectorBitSize() > 512
      ? FloatVector.SPECIES_512 : FloatVector.SPECIES_PREFERRED;
  /** Floats per vector. */
  public static final int LANES = FLOATS.length();
  /** Whether the kernels use their wide register tiles. */
  public static final boolean WIDE_TILES = wideTiles(System.getProperty(TILES, "auto"), LANES);

  private VectorShape() {}

  static boolean wideTiles(String setting, int lanes) {
    switch (setting) {
      case "auto":
        return lanes >= 16;
      case "wide":
        return true;
      case "narrow":
        return false;
      default:
        throw new IllegalArgumentException("-D" + TILES + "=" + setting
            + " is invalid; expected narrow, wide or auto");
    }
  }
}
