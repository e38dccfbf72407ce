/** The bundled schema: every menu this project describes, and the global commands. */
import type { GlobalCommandSchema, MenuSchema } from '../types.js';
import { globalCommands } from './globals.js';
import { interfaceMenus } from './interfaces.js';
import { ipMenus } from './ip.js';
import { ipv6Menus } from './ipv6.js';
import { firewallMangle } from './mangle.js';
import { pppMenus } from './ppp.js';
import { pppoeMenus } from './pppoe.js';
import { extraMenus } from './extras.js';
import { systemMenus } from './system.js';

export const bundledMenus: readonly MenuSchema[] = [...pppoeMenus, ...pppMenus, firewallMangle, ...interfaceMenus, ...ipMenus, ...ipv6Menus, ...systemMenus, ...extraMenus];

export const bundledGlobals: readonly GlobalCommandSchema[] = globalCommands;
