package dev.kiln.processor.writing;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.kiln.processor.model.Network;
import dev.kiln.processor.model.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code <Name>Trainer}: one fused training step (forward, loss, backward, optimizer update)
 * over workspaces that are reused until the batch size changes.
 */
public final class TrainerWriter {

  public TypeSpec write(Network network) {
    ClassName model = ClassName.get(network.packageName(), network.modelName());
    ClassName trainer = ClassName.get(network.packageName(), network.trainerName());
    List<MemberCode> members = Fusions.of(LayerPlan.of(network));
    boolean featureMajor = FeatureMajor.suits(members);
    TypeSpec.Builder type = TypeSpec.classBuilder(trainer)
        .addAnnotation(Generated.annotation(network))
        .addJavadoc("Trains a {@link $T} with $L loss. Made by {@link $T#trainer}; not thread-safe.\n", model,
            network.loss(), model)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .superclass(RuntimeTypes.ABSTRACT_TRAINER)
        .addOriginatingElement(network.type());
    if (network.classIndexTargets()) type.addSuperinterface(RuntimeTypes.CLASS_INDEX_TRAINER);
    if (network.floatTargets()) type.addSuperinterface(RuntimeTypes.FLOAT_TARGET_TRAINER);

    type.addField(FieldSpec.builder(LossCall.type(network), "LOSS", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer(LossCall.initializer(network)).build());
    type.addField(model, "model", Modifier.PRIVATE, Modifier.FINAL);
    type.addField(FieldSpec.builder(RuntimeTypes.LINEAR_KERNELS, "kernels", Modifier.PRIVATE, Modifier.FINAL)
        .initializer("$T.linear()", RuntimeTypes.KERNEL_PROVIDER).build());
    ModelWriter.stepFields(members).forEach(type::addField);
    if (network.drops()) {
      type.addField(FieldSpec.builder(RuntimeTypes.DROPOUT_RANDOM, "random", Modifier.PRIVATE, Modifier.FINAL)
          .addJavadoc("Draws the dropout masks.\n").build());
    }
    type.addField(FieldSpec.builder(TypeName.INT, "rows", Modifier.PRIVATE)
        .addJavadoc("The batch size the workspaces are sized for.\n").build());
    for (Workspace workspace : workspaces(members)) {
      type.addField(workspace.type(), workspace.name(), Modifier.PRIVATE);
    }
    if (featureMajor) {
      type.addField(FieldSpec.builder(ModelWriter.FLOATS, "xT", Modifier.PRIVATE)
          .addJavadoc("The batch, [IN x rows]: this narrow network trains feature-major.\n").build());
    }
    if (featureMajor && FeatureMajor.needsRowMajorOutput(network)) {
      type.addField(FieldSpec.builder(ModelWriter.FLOATS, "networkOutput", Modifier.PRIVATE)
          .addJavadoc("The output and its gradient in rows, [rows x OUT], as the loss reads and writes them.\n")
          .build());
      type.addField(ModelWriter.FLOATS, "networkGradient", Modifier.PRIVATE);
    }

    MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
        .addParameter(model, "model")
        .addParameter(ModelWriter.FLOATS, "parameters")
        .addParameter(RuntimeTypes.OPTIMIZER, "optimizer")
        .addStatement("super($L,$Woptimizer)", ModelWriter.arrays(network, "model.").replaceFirst("model\\.parameters", "parameters"))
        .addStatement("this.model = model");
    if (network.drops()) {
      constructor.addParameter(TypeName.LONG, "dropoutSeed")
          .addStatement("this.random = new $T(dropoutSeed)", RuntimeTypes.DROPOUT_RANDOM);
    }
    type.addMethod(constructor.build());
    if (network.classIndexTargets()) {
      type.addMethod(MethodSpec.methodBuilder("ignoreIndex")
          .addAnnotation(Override.class)
          .addModifiers(Modifier.PUBLIC)
          .returns(TypeName.INT)
          .addStatement("return LOSS.ignoreIndex()")
          .build());
    }
    if (network.drops()) {
      type.addMethod(MethodSpec.methodBuilder("dropoutRandom")
          .addJavadoc("The source of the dropout masks, whose state checkpoints keep.\n")
          .addAnnotation(Override.class)
          .addModifiers(Modifier.PROTECTED)
          .returns(RuntimeTypes.DROPOUT_RANDOM)
          .addStatement("return random")
          .build());
    }
    if (network.classIndexTargets()) {
      type.addMethod(step(network, members, true, featureMajor));
      type.addMethod(sumGradients(network, true));
      type.addMethod(evaluate(network, true));
      InputForms.trainerRefusals(network, ModelWriter.INTS).forEach(type::addMethod);
    }
    if (network.floatTargets()) {
      type.addMethod(step(network, members, false, featureMajor));
      type.addMethod(sumGradients(network, false));
      type.addMethod(evaluate(network, false));
      InputForms.trainerRefusals(network, ModelWriter.FLOATS).forEach(type::addMethod);
    }
    type.addMethod(forwardPass(network, featureMajor ? FeatureMajor.forward(members) : ForwardPass.training(members)));
    type.addMethod(backwardPass(network, featureMajor ? FeatureMajor.backward(members) : BackwardPass.of(members)));
    type.addMethod(ensureWorkspaces(network, members, featureMajor));
    type.addMethod(MethodSpec.methodBuilder("model")
        .addJavadoc("The model this trainer updates.\n")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(model)
        .addStatement("return model")
        .build());
    return type.build();
  }

  private static MethodSpec step(Network network, List<MemberCode> members, boolean classIndices,
      boolean featureMajor) {
    LayerPlan output = members.get(members.size() - 1).plan();
    CodeBlock loss = featureMajor ? FeatureMajor.loss(network, members, classIndices)
        : CodeBlock.of("float loss = LOSS.compute($L,$Wtargets,$W$L,$W$L,$W$L);\n", output.output(),
            output.outputGradient(), ModelWriter.lossRows(network), ModelWriter.perPosition(network));
    String targetDoc = network.outputsPositions() ? (classIndices
        ? "one class index in [0, OUT_PER_POSITION) per position, [rows x OUT_POSITIONS]; the loss's ignoreIndex"
            + " for a position without one"
        : "[rows x OUT_POSITIONS x OUT_PER_POSITION] row-major")
        : classIndices ? "one class index in [0, OUT) per row"
        : network.classIndexTargets() ? "[rows x OUT] row-major: each row a probability distribution over the classes"
        : "[rows x OUT] row-major, one target per output";
    return MethodSpec.methodBuilder("step")
        .addJavadoc("One training step on a batch: forward, $L loss, backward, and the optimizer's update.\n"
            + "A batch whose loss is not finite (NaN when every target is ignored) changes nothing.\n\n"
            + "@param x the inputs, [rows x IN] row-major; any number of rows\n"
            + "@param targets $L\n"
            + "@return the batch's loss ($L reduction), computed before the update\n",
            network.loss(), targetDoc, network.reduction().name().toLowerCase(Locale.ROOT))
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(TypeName.FLOAT)
        .addParameter(ModelWriter.input(network), "x")
        .addParameter(classIndices ? ModelWriter.INTS : ModelWriter.FLOATS, "targets")
        .addStatement("$T.targets(targets)", RuntimeTypes.BATCHES)
        .addCode(targetShape(network, classIndices))
        .addStatement("int rows = forwardPass(x)")
        .addCode(Literals.comment("Loss: " + LossCall.comment(network.loss()) + "."))
        .addCode(loss)
        .addStatement("return backwardPass(x, rows, loss)")
        .build();
  }

  /**
   * For class indices of a token model: a check that they are one per position where the output is a
   * sequence, or one per row where it is not, named before anything runs.
   */
  private static CodeBlock targetShape(Network network, boolean classIndices) {
    if (!classIndices || !network.readsTokens() && !network.outputsPositions()) return CodeBlock.of("");
    if (network.outputsPositions()) {
      return CodeBlock.of("$T.targetsPerPosition(targets,$W$T.rows(x,$WIN),$WOUT_POSITIONS);\n",
          RuntimeTypes.BATCHES, RuntimeTypes.BATCHES);
    }
    return CodeBlock.of("$T.targetsPerRow(targets,$W$T.rows(x,$WIN),$WIN);\n", RuntimeTypes.BATCHES,
        RuntimeTypes.BATCHES);
  }

  /** The gradient-only entry: {@code step} without the update, its gradients summed over the rows. */
  private static MethodSpec sumGradients(Network network, boolean classIndices) {
    return MethodSpec.methodBuilder("sumGradients")
        .addJavadoc("Forward, loss and backward as {@link #step} runs them, without the update: the gradients,\n"
            + "left in {@link #gradients()}, summed over the rows; returns the summed loss and the weight the\n"
            + "loss's reduction divides by, which add over batches (and partitions) before one division.\n")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(RuntimeTypes.GRADIENT_SUM)
        .addParameter(ModelWriter.input(network), "x")
        .addParameter(classIndices ? ModelWriter.INTS : ModelWriter.FLOATS, "targets")
        .addStatement("int rows = $T.rows(x,$WIN,$WWIDEST_ROW)", RuntimeTypes.BATCHES)
        .addStatement("return sumGradients(() -> step(x, targets), LOSS.weight(targets,$W$L,$W$L))",
            ModelWriter.lossRows(network), ModelWriter.perPosition(network))
        .build();
  }

  /** The loss of outputs {@code forward} computed: a validation loss's batch, summed, with its weight. */
  private static MethodSpec evaluate(Network network, boolean classIndices) {
    return MethodSpec.methodBuilder("evaluate")
        .addJavadoc("The loss of {@code output}, as the model's forward computed it, against {@code targets}:\n"
            + "summed over the rows, with the weight its reduction divides by. Changes nothing.\n")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(RuntimeTypes.GRADIENT_SUM)
        .addParameter(ModelWriter.FLOATS, "output")
        .addParameter(classIndices ? ModelWriter.INTS : ModelWriter.FLOATS, "targets")
        .addStatement("int rows = $T.rows(output,$WOUT)", RuntimeTypes.BATCHES)
        .addStatement("float loss = LOSS.compute(output,$Wtargets,$Wnew float[output.length],$W$L,$W$L)",
            ModelWriter.lossRows(network), ModelWriter.perPosition(network))
        .addStatement("return evaluated(loss,$WLOSS.weight(targets,$W$L,$W$L))", ModelWriter.lossRows(network),
            ModelWriter.perPosition(network))
        .build();
  }

  private static MethodSpec forwardPass(Network network, CodeBlock body) {
    return MethodSpec.methodBuilder("forwardPass")
        .addJavadoc("Runs the batch forward into the workspaces; returns its number of rows.\n")
        .addModifiers(Modifier.PRIVATE)
        .returns(TypeName.INT)
        .addParameter(ModelWriter.input(network), "x")
        .addStatement("int rows = $T.rows(x,$WIN,$WWIDEST_ROW)", RuntimeTypes.BATCHES)
        .addStatement("ensureWorkspaces(rows)")
        .addCode(body)
        .addStatement("return rows")
        .build();
  }

  private static MethodSpec backwardPass(Network network, CodeBlock body) {
    return MethodSpec.methodBuilder("backwardPass")
        .addJavadoc("Back-propagates the loss's gradient, then updates the parameters; returns {@code loss}.\n")
        .addModifiers(Modifier.PRIVATE)
        .returns(TypeName.FLOAT)
        .addParameter(ModelWriter.input(network), "x")
        .addParameter(TypeName.INT, "rows")
        .addParameter(TypeName.FLOAT, "loss")
        .beginControlFlow("if (!Float.isFinite(loss))")
        .addComment("Nothing to learn from (every target ignored, or a diverged loss): the parameters and")
        .addComment("the optimizer's state stay as they were.")
        .addStatement("return loss")
        .endControlFlow()
        .addCode(body)
        .addStatement("return update(loss)")
        .build();
  }

  /** Every workspace of the trainer: each member's output and gradient, then what its steps need. */
  private static List<Workspace> workspaces(List<MemberCode> members) {
    List<Workspace> workspaces = new ArrayList<>();
    for (MemberCode member : members) {
      workspaces.addAll(member.plan().workspaces());
      for (StepCode step : member.steps()) workspaces.addAll(Emitters.of(step.step().kind()).workspaces(step));
    }
    return workspaces;
  }

  private static MethodSpec ensureWorkspaces(Network network, List<MemberCode> members, boolean featureMajor) {
    MethodSpec.Builder method = MethodSpec.methodBuilder("ensureWorkspaces")
        .addJavadoc("Sizes the workspaces for {@code rows} rows; allocates only when the batch size changes.\n")
        .addModifiers(Modifier.PRIVATE)
        .addParameter(TypeName.INT, "rows")
        .beginControlFlow("if (rows == this.rows)")
        .addStatement("return")
        .endControlFlow();
    for (Workspace workspace : workspaces(members)) {
      method.addStatement("$L = new $T[rows * $L]", workspace.name(), workspace.element(), workspace.perRow());
    }
    if (featureMajor) {
      method.addStatement("xT = new float[rows * IN]");
    }
    if (featureMajor && FeatureMajor.needsRowMajorOutput(network)) {
      method.addStatement("networkOutput = new float[rows * OUT]");
      method.addStatement("networkGradient = new float[rows * OUT]");
    }
    return method.addStatement("this.rows = rows").build();
  }
}
