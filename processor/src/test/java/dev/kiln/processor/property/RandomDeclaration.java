package dev.kiln.processor.property;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A random {@code @Model} declaration, mostly sound and sometimes not: random layers, sizes,
 * activations, dropout, losses and options, each with a small chance of being wrong in a way the
 * rule table covers. About a third are convolutional: an {@code @Input} of feature maps, convolutions
 * and average pools with random geometry, {@code @Flatten}, then the Linear layers. Batch and layer
 * normalization members come between them now and then, and a residual block of a norm and two Linear
 * layers closes a network now and then. Max pools are left
 * out: their gradient jumps where two values tie, which finite differences cannot follow (PyTorch's
 * recorded trajectories check them instead).
 */
final class RandomDeclaration {
  static final String PACKAGE = "prop";
  static final String NAME = "Net";

  private static final String[] ACTIVATIONS = {
      "@ReLU", "@LeakyReLU(negativeSlope = 0.1f)", "@PReLU", "@PReLU(perFeature = true, init = 0.2f)",
      "@ELU(alpha = 0.8f)", "@GELU", "@GELU(approximate = GELU.Approximate.TANH)", "@SiLU",
      "@Softplus(beta = 1.5f, threshold = 4)", "@Sigmoid", "@Tanh", "@Softmax", "@LogSoftmax"};
  /**
   * The activations a normalization member takes here: smooth ones. A normalization centres its outputs
   * on 0, right where ReLU's family bends, and finite differences across a bend do not match a gradient.
   */
  private static final String[] SMOOTH = {"@GELU", "@SiLU", "@Tanh", "@Sigmoid"};
  private static final String[] LOSSES = {
      "CROSS_ENTROPY", "NLL", "BCE", "BCE_WITH_LOGITS", "MSE", "L1", "SMOOTH_L1", "HUBER", "FOCAL", "KL_DIV"};

  private final Random random;
  private final StringBuilder body = new StringBuilder();
  private int outputs;

  /** Whether the declaration is convolutional: drawn apart, since the first draws of nearby seeds agree. */
  private final boolean convolutional;

  private RandomDeclaration(long seed) {
    this.random = new Random(seed);
    this.convolutional = new java.util.SplittableRandom(seed).nextDouble() < 0.35;
  }

  /** The source of declaration number {@code seed}. */
  static String source(long seed) {
    return new RandomDeclaration(seed).write();
  }

  private String write() {
    String input = convolutional ? convolutions() : "";
    boolean flattened = !input.isEmpty();
    int members = 1 + random.nextInt(flattened ? 3 : 4);
    int previous = 1 + random.nextInt(6);
    for (int i = 0; i < members; i++) {
      boolean first = i == 0 && !flattened;
      boolean linear = first ? !chance(0.03) : !chance(0.15);
      List<String> annotations = new ArrayList<>();
      if (linear) {
        int out = chance(0.04) ? -random.nextInt(2) : 1 + random.nextInt(6);
        String in = "";
        if (first && !chance(0.04)) {
          in = "in = " + (chance(0.03) ? 0 : previous) + ", ";
        } else if (i > 0 && chance(0.15) || flattened && i == 0 && chance(0.05)) {
          in = "in = " + (chance(0.4) ? previous + 1 : previous) + ", ";
        }
        annotations.add("@Linear(" + in + "out = " + out + (chance(0.15) ? ", bias = false" : "") + ")");
        previous = out;
      }
      if (!linear || chance(0.65)) {
        annotations.add(ACTIVATIONS[random.nextInt(ACTIVATIONS.length)]);
        if (chance(0.03)) annotations.add(ACTIVATIONS[random.nextInt(ACTIVATIONS.length)]);
      }
      if (chance(0.12)) {
        annotations.add("@Dropout(p = " + (chance(0.1) ? "1" : String.valueOf(random.nextInt(6) / 10.0) + "f") + ")");
      }
      if (linear && chance(0.02)) annotations.add(vectorNorm());
      body.append("  ").append(String.join(" ", annotations)).append(" Layer layer").append(i).append("();\n");
      if (chance(0.12)) {
        body.append("  ").append(vectorNorm()).append(chance(0.4) ? " " + SMOOTH[random.nextInt(SMOOTH.length)] : "")
            .append(" Layer norm").append(i).append("();\n");
      }
    }
    if (chance(0.15)) blocks(previous);
    outputs = previous;
    return "package " + PACKAGE + ";\n\n"
        + "import dev.kiln.dsl.*;\n"
        + "import dev.kiln.runtime.Layer;\n\n"
        + "@Model\n"
        + input
        + "@Loss(" + loss() + ")\n"
        + "public interface " + NAME + " {\n" + body + "}\n";
  }

  /**
   * A block of a norm and two Linear layers declared inside the model, used once or twice, usually as a
   * residual: it ends in the {@code width} it starts with, now and then not (a residual-shape-mismatch),
   * and now and then {@code @Residual} sits on a layer instead.
   */
  private void blocks(int width) {
    int end = chance(0.06) ? width + 1 : width;
    body.append("  @Block interface Unit {\n")
        .append("    @LayerNorm(eps = 0.5f) Layer norm();\n")
        .append("    @Linear(out = ").append(1 + random.nextInt(6)).append(") ").append(SMOOTH[random.nextInt(SMOOTH.length)])
        .append(" Layer up();\n")
        .append("    @Linear(out = ").append(end).append(") Layer down();\n")
        .append("  }\n");
    int uses = chance(0.3) ? 2 : 1;
    for (int u = 0; u < uses; u++) {
      String residual = chance(0.8) ? "@Residual " : "";
      String activation = chance(0.4) ? SMOOTH[random.nextInt(SMOOTH.length)] + " " : "";
      body.append("  ").append(residual).append(activation).append("Unit unit").append(u).append("();\n");
    }
    if (chance(0.03)) body.append("  @Residual @Linear(out = ").append(end).append(") Layer notABlock();\n");
  }

  /**
   * A normalization of vectors, now and then wrong: on maps' annotation, or with an eps of 0. A large eps
   * keeps finite differences well-conditioned where a batch's values of a feature nearly agree.
   */
  private String vectorNorm() {
    String eps = chance(0.04) ? "0f" : "0.5f";
    if (chance(0.03)) return "@BatchNorm2d(eps = " + eps + ")";
    return chance(0.5)
        ? "@BatchNorm1d(eps = " + eps + (chance(0.2) ? ", affine = false" : "")
            + (chance(0.2) ? ", trackRunningStats = false" : "") + (chance(0.2) ? ", momentum = 0.3f" : "") + ")"
        : "@LayerNorm(eps = " + eps + (chance(0.2) ? ", elementwiseAffine = false" : "") + ")";
  }

  /** A normalization of feature maps, now and then on a vector's annotation. */
  private String mapNorm() {
    if (chance(0.04)) return "@BatchNorm1d(eps = 0.5f)";
    return chance(0.6)
        ? "@BatchNorm2d(eps = 0.5f" + (chance(0.2) ? ", affine = false" : "") + ")"
        : "@LayerNorm(eps = 0.5f)";
  }

  /**
   * Writes convolutions and average pools, then usually a {@code @Flatten}, into the body; returns the
   * model's {@code @Input}.
   */
  private String convolutions() {
    int channels = 1 + random.nextInt(2);
    int height = 3 + random.nextInt(5);
    int width = 3 + random.nextInt(5);
    int members = 1 + random.nextInt(2);
    for (int i = 0; i < members; i++) {
      List<String> annotations = new ArrayList<>();
      int kernel = 1 + random.nextInt(3);
      int stride = 1 + random.nextInt(2);
      int padding = random.nextInt(kernel / 2 + 1) + (chance(0.03) ? 2 : 0);
      if (chance(0.7)) {
        annotations.add("@Conv2d(out = " + (chance(0.03) ? 0 : 1 + random.nextInt(3)) + ", kernel = " + kernel
            + (stride > 1 ? ", stride = " + stride : "") + (padding > 0 ? ", padding = " + padding : "")
            + (chance(0.2) ? ", dilation = 2" : "") + (chance(0.15) ? ", bias = false" : "")
            + (chance(0.05) ? ", in = " + (channels + 1) : "") + ")");
        if (chance(0.6)) annotations.add(ACTIVATIONS[random.nextInt(ACTIVATIONS.length)]);
      } else {
        annotations.add("@AvgPool2d(kernel = " + kernel + (stride > 1 ? ", stride = " + stride : "")
            + (padding > 0 ? ", padding = " + padding : "") + (chance(0.3) ? ", ceilMode = true" : "")
            + (chance(0.3) ? ", countIncludePad = false" : "") + ")");
      }
      body.append("  ").append(String.join(" ", annotations)).append(" Layer maps").append(i).append("();\n");
      if (chance(0.2)) {
        body.append("  ").append(mapNorm()).append(chance(0.4) ? " " + SMOOTH[random.nextInt(SMOOTH.length)] : "")
            .append(" Layer mapNorm").append(i)
            .append("();\n");
      }
    }
    if (!chance(0.05)) {
      body.append("  @Flatten Layer flatten();\n");
    }
    return "@Input(channels = " + channels + ", height = " + (chance(0.02) ? 0 : height) + ", width = " + width
        + ")\n";
  }

  private String loss() {
    String kind = LOSSES[random.nextInt(LOSSES.length)];
    List<String> options = new ArrayList<>();
    options.add("value = LossKind." + kind);
    double r = random.nextDouble();
    if (r < 0.15) options.add("reduction = Reduction.SUM");
    else if (r < 0.22 || (kind.equals("KL_DIV") && r < 0.9)) options.add("reduction = Reduction.BATCHMEAN");
    switch (kind) {
      case "CROSS_ENTROPY" -> {
        if (chance(0.3)) options.add("weight = " + floats(chance(0.1) ? outputs + 1 : outputs));
        if (chance(0.3)) options.add("ignoreIndex = " + random.nextInt(Math.max(1, outputs)));
        if (chance(0.3)) options.add("labelSmoothing = " + (chance(0.1) ? "1.5f" : "0.1f"));
      }
      case "NLL" -> {
        if (chance(0.3)) options.add("weight = " + floats(outputs));
        if (chance(0.3)) options.add("ignoreIndex = 0");
      }
      case "BCE" -> {
        if (chance(0.3)) options.add("weight = " + floats(outputs));
      }
      case "BCE_WITH_LOGITS" -> {
        if (chance(0.3)) options.add("posWeight = " + floats(chance(0.5) ? 1 : outputs));
        if (chance(0.3)) options.add("weight = " + floats(outputs));
      }
      case "SMOOTH_L1" -> {
        if (chance(0.5)) options.add("beta = " + (chance(0.1) ? "-1" : chance(0.3) ? "0" : "0.5f"));
      }
      case "HUBER" -> {
        if (chance(0.5)) options.add("delta = " + (chance(0.1) ? "0" : "0.7f"));
      }
      case "FOCAL" -> {
        if (chance(0.5)) options.add("alpha = " + (chance(0.1) ? "2" : chance(0.3) ? "-1" : "0.4f"));
        if (chance(0.5)) options.add("gamma = " + (chance(0.1) ? "-1" : chance(0.3) ? "0" : "1.5f"));
      }
      case "KL_DIV" -> {
        if (chance(0.3)) options.add("logTarget = true");
      }
      default -> { }
    }
    if (chance(0.05)) options.add("gamma = 2"); // an option that most losses do not take
    return String.join(", ", options);
  }

  private String floats(int count) {
    List<String> values = new ArrayList<>();
    for (int i = 0; i < Math.max(count, 0); i++) values.add((0.5f + random.nextInt(4) * 0.5f) + "f");
    return "{" + String.join(", ", values) + "}";
  }

  private boolean chance(double p) {
    return random.nextDouble() < p;
  }
}
