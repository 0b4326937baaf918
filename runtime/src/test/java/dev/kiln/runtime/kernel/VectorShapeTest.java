package dev.kiln.runtime.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** One place decides the tiles: wide on 16 lanes, narrow below, either when forced. */
class VectorShapeTest {
  @Test
  void autoChoosesWideTilesOnSixteenLanesOnly() {
    assertTrue(VectorShape.wideTiles("auto", 16));
    assertFalse(VectorShape.wideTiles("auto", 8));
  }

  @Test
  void theSettingForcesEitherTile() {
    assertTrue(VectorShape.wideTiles("wide", 8));
    assertFalse(VectorShape.wideTiles("narrow", 16));
  }

  @Test
  void aSettingOtherThanTheThreeIsRefusedNamingIt() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> VectorShape.wideTiles("big", 16));
    assertEquals("-Dkiln.tiles=big is invalid; expected narrow, wide or auto", e.getMessage());
  }

  @Test
  void thisRunUsesTheTilesItAskedFor() {
    String asked = System.getProperty(VectorShape.TILES, "auto");
    assertEquals(VectorShape.wideTiles(asked, VectorShape.LANES), VectorShape.WIDE_TILES);
  }
}
