import { Controller, Get, NotFoundException, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

interface Asset {
  readonly path: () => string;
  readonly type: string;
}

/**
 * Where the page source lives: `apps/api/dashboard` beside `src` when run from source,
 * `dist/apps/api/dashboard` when a build copied it there, else under the working directory.
 */
function pageDir(): string {
  const candidates = [join(__dirname, '..', '..', 'dashboard'), join(process.cwd(), 'apps', 'api', 'dashboard')];
  return candidates.find((dir) => existsSync(join(dir, 'index.html'))) ?? candidates[0];
}

const page = (file: string) => () => join(pageDir(), file);
// The charting library is served from its npm package, so the page loads nothing from another origin.
const vendor = (file: string) => () => require.resolve(`uplot/dist/${file}`);

/** Every file the page may load, by URL name: a fixed list, so no path reaches the file system. */
const ASSETS: Readonly<Record<string, Asset>> = {
  'dashboard.js': { path: page('dashboard.js'), type: 'text/javascript; charset=utf-8' },
  'charts.js': { path: page('charts.js'), type: 'text/javascript; charset=utf-8' },
  'dashboard.css': { path: page('dashboard.css'), type: 'text/css; charset=utf-8' },
  'uplot.js': { path: vendor('uPlot.iife.min.js'), type: 'text/javascript; charset=utf-8' },
  'uplot.css': { path: vendor('uPlot.min.css'), type: 'text/css; charset=utf-8' },
};

/** The dashboard page at `/` and its assets under `/dashboard/`: public, same-origin, no inline code. */
@ApiExcludeController()
@Controller()
export class DashboardController {
  /** The page itself. */
  @Get()
  async index(@Res() reply: FastifyReply): Promise<void> {
    await this.send(reply, { path: page('index.html'), type: 'text/html; charset=utf-8' });
  }

  /** A script or stylesheet of the page, or of the bundled charting library. */
  @Get('dashboard/:file')
  async asset(@Param('file') file: string, @Res() reply: FastifyReply): Promise<void> {
    const asset = Object.hasOwn(ASSETS, file) ? ASSETS[file] : undefined;
    if (!asset) throw new NotFoundException(`No dashboard file ${file}`);
    await this.send(reply, asset);
  }

  private async send(reply: FastifyReply, asset: Asset): Promise<void> {
    let body: Buffer;
    try {
      body = await readFile(asset.path());
    } catch {
      throw new NotFoundException('The dashboard files are not installed beside this build (apps/api/dashboard)');
    }
    // Revalidated on every load (no build hash in the names), answered 304 while unchanged.
    const etag = `"${createHash('sha1').update(body).digest('base64url')}"`;
    reply.header('cache-control', 'no-cache').header('etag', etag);
    if (reply.request.headers['if-none-match'] === etag) await reply.code(304).send();
    else await reply.type(asset.type).send(body);
  }
}
