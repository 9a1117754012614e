/* Build of the playground (playground/): the task pane's own components beside a
 * grid view of the Excel simulator from tests/excel-sim, which computes formulas
 * with HyperFormula (GPL-3.0). A development tool only: nothing here goes into
 * dist/, the production task pane.
 *
 *   npm run playground:build   into playground/dist/ (PLAYGROUND_OUT=… elsewhere)
 *   npm run playground         build, then serve on http://localhost:3001
 */
const path = require("node:path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

module.exports = (_env, options) => ({
  mode: options.mode || "production",
  devtool: false,
  entry: { playground: "./playground/main.tsx" },
  output: {
    path: path.resolve(process.env.PLAYGROUND_OUT || path.join(__dirname, "playground", "dist")),
    filename: "[name].js",
    chunkFilename: "[name].js",
    clean: true,
  },
  resolve: { extensions: [".ts", ".tsx", ".js"] },
  module: {
    rules: [
      {
        test: /\.tsx?$/,
        exclude: /node_modules/,
        use: { loader: "ts-loader", options: { transpileOnly: true, compilerOptions: { sourceMap: false } } },
      },
      { test: /\.(png|jpg|jpeg|gif|ico)$/, type: "asset/resource", generator: { filename: "assets/[name][ext][query]" } },
    ],
  },
  performance: { hints: false },
  plugins: [
    new CopyWebpackPlugin({ patterns: [{ from: "assets/*.png", to: "assets/[name][ext]" }] }),
    new HtmlWebpackPlugin({ filename: "index.html", template: "./playground/index.html" }),
  ],
});
