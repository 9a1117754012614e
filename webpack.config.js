/* Build of the task pane (taskpane.html) and the ribbon's function file (commands.html).
 *
 *   npm run build        production build into dist/, manifest URLs point at RAMKOLL_URL
 *   npm run build:dev    development build with source maps, manifest left at localhost
 *   npm run dev-server   https://localhost:3000/ with Office's trusted dev certificates
 */
const path = require("node:path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const urlDev = "https://localhost:3000/";
const urlProd = withSlash(process.env.RAMKOLL_URL || "https://ramkoll.regionjh.se/");

function withSlash(url) {
  return url.endsWith("/") ? url : `${url}/`;
}

/** Only the dev server needs certificates; a build must not try to make them. */
async function getHttpsServer() {
  try {
    const devCerts = require("office-addin-dev-certs");
    const options = await devCerts.getHttpsServerOptions();
    return { type: "https", options: { ca: options.ca, key: options.key, cert: options.cert } };
  } catch (err) {
    console.warn(
      `office-addin-dev-certs could not provide trusted certificates (${err && err.message ? err.message : err}); ` +
        "serving https with a self-signed certificate that Office may refuse. " +
        "Run `npx office-addin-dev-certs install` to fix this.",
    );
    return "https";
  }
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const serving = Boolean(env && env.WEBPACK_SERVE);

  const config = {
    devtool: dev ? "source-map" : false,
    entry: {
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
      message: "./src/commands/message.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      chunkFilename: "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            // Types are checked by `tsc --noEmit` in `npm run lint`.
            options: { transpileOnly: true, compilerOptions: { sourceMap: dev } },
          },
        },
        {
          test: /\.(png|jpg|jpeg|gif|ico)$/,
          type: "asset/resource",
          generator: { filename: "assets/[name][ext][query]" },
        },
      ],
    },
    optimization: {
      splitChunks: {
        cacheGroups: {
          // React and Fluent UI change less often than our code: a chunk of their own.
          vendor: {
            test: /[\\/]node_modules[\\/]/,
            name: "vendor",
            chunks: (chunk) => chunk.name === "taskpane",
            enforce: true,
          },
        },
      },
    },
    performance: { hints: false },
    plugins: [
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*", to: "assets/[name][ext][query]" },
          {
            from: "manifest*.xml",
            to: "[name][ext]",
            transform(content) {
              return dev ? content : content.toString().split(urlDev).join(urlProd);
            },
          },
        ],
      }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["vendor", "taskpane"],
      }),
      new HtmlWebpackPlugin({
        filename: "commands.html",
        template: "./src/commands/commands.html",
        chunks: ["commands"],
      }),
      new HtmlWebpackPlugin({
        filename: "message.html",
        template: "./src/commands/message.html",
        chunks: ["message"],
      }),
    ],
  };

  if (serving) {
    config.devServer = {
      hot: true,
      host: "localhost",
      headers: { "Access-Control-Allow-Origin": "*" },
      server: await getHttpsServer(),
      port: Number(process.env.npm_package_config_dev_server_port) || 3000,
    };
  }
  return config;
};
