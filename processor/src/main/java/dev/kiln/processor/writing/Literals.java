package dev.kiln.processor.writing;

import com.palantir.javapoet.CodeBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/** Java source for float values, as short as round-tripping allows: {@code 0.1f}, {@code 1.0E-4f}. */
final class Literals {
  private Literals() {}

  static String of(float value) {
    return Float.toString(value) + "f";
  }

  static String of(float[] values) {
    StringJoiner joiner = new StringJoiner(", ");
    for (float v : values) joiner.add(of(v));
    return joiner.toString();
  }

  /** The most characters of a string literal on one line of generated code. */
  private static final int PIECE = 64;

  /**
   * {@code text} as a string literal generated code can wrap at 100 columns: pieces of at most
   * {@value #PIECE} characters, cut after a space where there is one, joined by {@code +}.
   */
  static CodeBlock wrapped(String text) {
    List<CodeBlock> pieces = new ArrayList<>();
    int from = 0;
    while (text.length() - from > PIECE) {
      int cut = text.lastIndexOf(' ', from + PIECE);
      int end = cut > from ? cut + 1 : from + PIECE;
      pieces.add(CodeBlock.of("$S", text.substring(from, end)));
      from = end;
    }
    pieces.add(CodeBlock.of("$S", text.substring(from)));
    return CodeBlock.join(pieces, "$W+ ");
  }

  /** The most characters of a comment's line in generated code, after its indentation. */
  private static final int COMMENT = 88;

  /** {@code text} as {@code //} comment lines of at most {@value #COMMENT} characters, cut after spaces. */
  static CodeBlock comment(String text) {
    CodeBlock.Builder lines = CodeBlock.builder();
    int from = 0;
    while (text.length() - from > COMMENT - 3) {
      int cut = text.lastIndexOf(' ', from + COMMENT - 3);
      int end = cut > from ? cut : from + COMMENT - 3;
      lines.add("// $L\n", text.substring(from, end));
      from = text.charAt(end) == ' ' ? end + 1 : end;
    }
    return lines.add("// $L\n", text.substring(from)).build();
  }
}
